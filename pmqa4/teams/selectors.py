import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count

from .models import Attendance, Meeting


@dataclass(frozen=True)
class AttendanceRate:
    attended: int
    held: int
    threshold: Decimal = Decimal(85)

    @property
    def percent(self) -> Decimal | None:
        """None while no required meeting has been held: step 2 is not assessable yet."""
        if not self.held:
            return None
        return Decimal(self.attended) * 100 / Decimal(self.held)

    @property
    def reached(self) -> bool | None:
        """Step 2 passes at the cycle's threshold (SCORING.md); None while not assessable."""
        percent = self.percent
        return None if percent is None else percent >= self.threshold


def attendance_rates(cycle, *, on: dt.date, unit_ids=None) -> dict[int, AttendanceRate]:
    """Per unit: required meetings held by ``on`` at which one of its team was present.

    Two queries whatever the number of units: the meetings held, and the attended ones grouped
    by unit.
    """
    held = Meeting.objects.filter(cycle=cycle, required=True, held_on__lte=on).count()
    present = Attendance.objects.filter(
        meeting__cycle=cycle, meeting__required=True, meeting__held_on__lte=on
    )
    if unit_ids is not None:
        present = present.filter(member__roster__unit_id__in=unit_ids)
    rows = present.values("member__roster__unit_id").annotate(
        meetings=Count("meeting", distinct=True)
    )
    attended = {row["member__roster__unit_id"]: row["meetings"] for row in rows}
    ids = unit_ids if unit_ids is not None else attended.keys()
    threshold = cycle.attendance_threshold
    return {unit_id: AttendanceRate(attended.get(unit_id, 0), held, threshold) for unit_id in ids}

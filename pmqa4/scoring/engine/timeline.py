"""Where a step's submissions stand at the assessment time (SCORING-FACTS.md, ``submissions``).

Only submissions and returns made by ``as_of`` count. Lateness is judged on the first submission
against the end of the due date; after a return with a correction deadline, a resubmission by
that deadline keeps the original status and a later one is late; a return without a deadline
keeps the first submission's status. A last submission that was returned and not resubmitted
means the step is not done.
"""

import dataclasses
import datetime as dt
import functools
from itertools import pairwise
from zoneinfo import ZoneInfo

from .facts import Submission
from .wording import thai_date, thai_moment

UTC = dt.UTC


@dataclasses.dataclass(frozen=True, slots=True)
class SubmissionState:
    submitted_at: dt.datetime | None
    last_submitted_at: dt.datetime | None
    awaiting_resubmission: bool
    late_reasons: tuple[str, ...]

    @property
    def submitted(self) -> bool:
        """Submitted and not sitting returned: the step's form is in."""
        return self.submitted_at is not None and not self.awaiting_resubmission

    @property
    def late(self) -> bool:
        return bool(self.late_reasons)


NOT_SUBMITTED = SubmissionState(None, None, False, ())


def end_of_day(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    """A date lasts its whole day in the rules' zone: due at 23:59:59.999999 local time."""
    return dt.datetime.combine(day, dt.time.max, tzinfo=tz)


@functools.lru_cache(maxsize=1024)
def deadline(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    """``end_of_day`` as the same instant in UTC, worked out once per due date of a cycle.

    Aware datetimes compare by instant, so this compares as end_of_day does, without asking
    the zone for its offset at every comparison.
    """
    end = end_of_day(day, tz)
    try:
        return end.astimezone(UTC)
    except OverflowError:  # the last day of year 9999 west of UTC: compare in the zone
        return end


def submission_state(
    submissions: tuple[Submission, ...], due: dt.date | None, as_of: dt.datetime, tz: ZoneInfo
) -> SubmissionState:
    counted = [s for s in submissions if s.at <= as_of]
    if not counted:
        return NOT_SUBMITTED
    reasons = []
    first = counted[0]
    if due is not None and first.at > deadline(due, tz):
        reasons.append(
            f"ส่งครั้งแรก {thai_moment(first.at, tz)} ช้ากว่ากำหนด {thai_date(due)} "
            f"ไป {_days_after(first.at, due, tz)} วัน"
        )
    for number, (returned, again) in enumerate(pairwise(counted), start=1):
        if not _returned_by(returned, as_of) or returned.correction_due is None:
            continue
        if again.at > deadline(returned.correction_due, tz):
            reasons.append(
                f"ส่งแก้ไขครั้งที่ {number} {thai_moment(again.at, tz)} "
                f"ช้ากว่ากำหนดส่งแก้ไข {thai_date(returned.correction_due)} "
                f"ไป {_days_after(again.at, returned.correction_due, tz)} วัน"
            )
    return SubmissionState(
        first.at, counted[-1].at, _returned_by(counted[-1], as_of), tuple(reasons)
    )


def _returned_by(submission: Submission, as_of: dt.datetime) -> bool:
    return submission.returned_at is not None and submission.returned_at <= as_of


def _days_after(moment: dt.datetime, day: dt.date, tz: ZoneInfo) -> int:
    """Calendar days from the due date to the local day of submission (00:00:01 next day = 1)."""
    return (moment.astimezone(tz).date() - day).days

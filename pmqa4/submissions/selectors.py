import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from pmqa4.core.fiscal import end_of_day
from pmqa4.cycles.models import Step
from pmqa4.cycles.selectors import due_dates_for

from .models import Submission
from .status import STATUS_COLOUR, StepStatus, step_status


@dataclass(frozen=True)
class StepCell:
    """One unit's one step as shown in a timeline or a matrix."""

    step: Step
    due_on: dt.date
    extended: bool
    submission: Submission | None
    status: StepStatus
    days_left: int

    @property
    def colour(self) -> str:
        return STATUS_COLOUR[self.status]


def step_cells(cycle, units, *, now: dt.datetime) -> dict[int, list[StepCell]]:
    """unit id → its cells for the submitted steps (1, 3, 4, 5), in three queries for any number
    of units: the steps, the extensions, the submissions."""
    steps = [s for s in cycle.steps.all() if s.number != 2]
    unit_ids = [u.pk for u in units]
    extensions = due_dates_for(cycle, unit_ids)
    submissions = {
        (s.unit_id, s.step_id): s
        for s in Submission.objects.filter(step__cycle=cycle, unit_id__in=unit_ids)
    }
    today = timezone.localdate(now)
    cells: dict[int, list[StepCell]] = {}
    for unit_id in unit_ids:
        row = []
        for step in steps:
            due_on = extensions.get((unit_id, step.number), step.due_on)
            submission = submissions.get((unit_id, step.pk))
            status = step_status(
                state=submission.state if submission else None,
                first_submitted_at=submission.first_submitted_at if submission else None,
                due_at=end_of_day(due_on),
                now=now,
            )
            row.append(
                StepCell(
                    step=step,
                    due_on=due_on,
                    extended=due_on != step.due_on,
                    submission=submission,
                    status=status,
                    days_left=(due_on - today).days,
                )
            )
        cells[unit_id] = row
    return cells

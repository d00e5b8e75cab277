import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from pmqa4.core.fiscal import end_of_day
from pmqa4.cycles.models import Step
from pmqa4.cycles.selectors import due_dates_for
from pmqa4.org.models import Role

from .models import STEPS_NEEDING_SIGN_OFF, State, Submission
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


@dataclass(frozen=True)
class StepPanel:
    """What a step's page shows about its workflow, and what this person may do there."""

    step: Step
    submission: Submission | None
    status: StepStatus
    can_edit: bool
    can_submit: bool
    can_sign: bool
    can_attach: bool
    events: list
    evidence: list
    comments: list

    @property
    def colour(self) -> str:
        return STATUS_COLOUR[self.status]

    @property
    def needs_sign_off(self) -> bool:
        return self.step.number in STEPS_NEEDING_SIGN_OFF


def step_panel(*, unit, step: Step, actor, now: dt.datetime) -> StepPanel:
    """Editable while a draft or returned; only the unit's coordinator edits and submits, only
    its executive signs (the central roles read)."""
    submission = Submission.objects.filter(unit=unit, step=step).select_related("step").first()
    state = submission.state if submission else None
    due_on = due_dates_for(step.cycle, [unit.pk]).get((unit.pk, step.number), step.due_on)
    status = step_status(
        state=state,
        first_submitted_at=submission.first_submitted_at if submission else None,
        due_at=end_of_day(due_on),
        now=now,
    )
    is_coordinator = any(
        role == Role.COORDINATOR and unit_id == unit.pk for role, unit_id in actor.grants
    )
    is_executive = any(
        role == Role.EXECUTIVE and unit_id == unit.pk for role, unit_id in actor.grants
    )
    editable = state in (None, State.DRAFT, State.RETURNED)
    events, evidence, comments = [], [], []
    if submission:
        events = list(submission.events.select_related("actor", "version").order_by("-at", "-id"))
        evidence = list(submission.evidence_files.select_related("uploaded_by").order_by("id"))
        comments = list(
            submission.comments.filter(version__number=submission.versions.count())
            .select_related("author")
            .order_by("section", "item", "id")
        )
    return StepPanel(
        step=step,
        submission=submission,
        status=status,
        can_edit=is_coordinator and editable,
        can_submit=is_coordinator and editable,
        can_sign=is_executive and state == State.AWAITING_SIGN_OFF,
        can_attach=(is_coordinator and editable)
        or (is_executive and state == State.AWAITING_SIGN_OFF),
        events=events,
        evidence=evidence,
        comments=comments,
    )

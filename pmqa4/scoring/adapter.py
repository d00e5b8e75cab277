"""From what is stored to the scoring engine's facts (SCORING-FACTS.md), for one unit or all.

The only module that knows both the models and the engine. ``cycle_facts`` reads a whole cycle in
a fixed number of queries whatever the number of units, and returns plain JSON-ready dicts, so
the same document can be exported (``export_facts``), stored with a published score and
re-scored by hand with ``score_facts``.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q

from pmqa4.core.fiscal import BANGKOK
from pmqa4.cycles.models import Cycle, StepExtension
from pmqa4.org.models import Unit
from pmqa4.plans.models import (
    SHEET_FIELDS_FOR_SCORING,
    Activity,
    Kpi,
    KpiActual,
    PlanItem,
    sheet_missing_fields,
)
from pmqa4.submissions.models import EventKind, Finding, SignOff, SubmissionEvent
from pmqa4.teams.models import Attendance, Meeting, TeamMember

SUBMITTING = (EventKind.SUBMITTED, EventKind.RESUBMITTED)
FORM_OF_STEP = {1: "team", 3: "plans", 4: "report"}


def taking_part(cycle: Cycle):
    """The units a cycle scores: active units that take part in the indicator."""
    return Unit.objects.filter(takes_part=True, is_active=True).order_by("code")


def cycle_facts(cycle: Cycle, *, as_of: dt.datetime, units: Iterable[Unit]) -> dict[int, dict]:
    """unit id → facts document, for every given unit, in a fixed number of queries."""
    units = list(units)
    reader = _CycleReader(cycle, as_of, [u.pk for u in units])
    return {unit.pk: reader.facts(unit) for unit in units}


def unit_facts(cycle: Cycle, unit: Unit, *, as_of: dt.datetime) -> dict:
    return cycle_facts(cycle, as_of=as_of, units=[unit])[unit.pk]


def _iso(moment: dt.datetime | None) -> str | None:
    """Bangkok time with its offset, as people read it; the engine accepts any offset."""
    return moment.astimezone(BANGKOK).isoformat() if moment else None


class _CycleReader:
    """Reads each kind of row once for all units, then hands out one unit's facts at a time."""

    def __init__(self, cycle: Cycle, as_of: dt.datetime, unit_ids: list[int]):
        self.cycle = cycle
        self.as_of = as_of
        self.due = {step.number: step.due_on for step in cycle.steps.all()}  # prefetched or 1
        self.extended = {
            (unit_id, number): due_on
            for unit_id, number, due_on in StepExtension.objects.filter(
                step__cycle=cycle, unit_id__in=unit_ids
            ).values_list("unit_id", "step__number", "due_on")
        }
        self._read_team(unit_ids)
        self._read_meetings(unit_ids)
        self._read_workflow(unit_ids)
        self._read_plans(unit_ids)

    # The queries ---------------------------------------------------------------------------
    def _read_team(self, unit_ids):
        self.members = defaultdict(list)
        members = TeamMember.objects.filter(
            roster__cycle=self.cycle, roster__unit_id__in=unit_ids
        ).values_list("roster__unit_id", "full_name", "position", "phone", "email")
        for unit_id, name, position, phone, email in members.order_by("roster", "order", "id"):
            self.members[unit_id].append(
                {"name": name, "position": position, "phone": phone, "email": email}
            )

    def _read_meetings(self, unit_ids):
        self.meetings = list(
            Meeting.objects.filter(cycle=self.cycle)
            .order_by("held_on", "starts_at")
            .values_list("pk", "held_on", "required")
        )
        self.attended = set(
            Attendance.objects.filter(
                meeting__cycle=self.cycle, member__roster__unit_id__in=unit_ids
            ).values_list("member__roster__unit_id", "meeting_id")
        )

    def _read_workflow(self, unit_ids):
        events = (
            SubmissionEvent.objects.filter(
                submission__step__cycle=self.cycle, submission__unit_id__in=unit_ids
            )
            .filter(Q(kind__in=SUBMITTING) | Q(kind=EventKind.RETURNED))
            .order_by("at", "id")
            .values_list(
                "submission__unit_id",
                "submission__step__number",
                "kind",
                "at",
                "correction_due",
                "version_id",
            )
        )
        self.timeline = defaultdict(list)
        for unit_id, step, kind, at, correction_due, version_id in events:
            self.timeline[unit_id, step].append((kind, at, correction_due, version_id))
        self.signed_versions = dict(
            SignOff.objects.filter(
                submission__step__cycle=self.cycle,
                submission__unit_id__in=unit_ids,
                signed_at__lte=self.as_of,
            ).values_list("version_id", "signed_at")
        )
        # A finding judges a submission, so it counts from when it is recorded whatever the
        # assessment time (a step-4 finding often comes after 30 September), until withdrawn.
        self.findings = defaultdict(set)
        standing = Finding.objects.filter(
            submission__step__cycle=self.cycle,
            submission__unit_id__in=unit_ids,
            withdrawn_at__isnull=True,
        )
        for unit_id, step, kind in standing.values_list(
            "submission__unit_id", "submission__step__number", "kind"
        ):
            self.findings[unit_id, step].add(kind)

    def _read_plans(self, unit_ids):
        scope = {"cycle": self.cycle, "unit_id__in": unit_ids}
        self.form1 = defaultdict(set)
        for unit_id, dimension in (
            PlanItem.objects.filter(plan__cycle=self.cycle, plan__unit_id__in=unit_ids)
            .values_list("plan__unit_id", "dimension__number")
            .distinct()
        ):
            self.form1[unit_id].add(dimension)
        self.named: dict[int, set[str]] = defaultdict(set)
        for kpi_id in PlanItem.kpis.through.objects.filter(
            planitem__plan__cycle=self.cycle, planitem__plan__unit_id__in=unit_ids
        ).values_list("kpi_id", flat=True):
            self.named[kpi_id].add("form1")
        for kpi_id in Activity.kpis.through.objects.filter(
            activity__action_plan__cycle=self.cycle,
            activity__action_plan__unit_id__in=unit_ids,
        ).values_list("kpi_id", flat=True):
            self.named[kpi_id].add("form2")
        self.activities = defaultdict(list)
        for unit_id, dimension, number, reported in (
            Activity.objects.filter(
                action_plan__cycle=self.cycle, action_plan__unit_id__in=unit_ids
            )
            .order_by("dimension__number", "number")
            .values_list("action_plan__unit_id", "dimension__number", "number", "report__id")
        ):
            self.activities[unit_id].append((dimension, number, reported is not None))
        # The latest actual of each KPI reported by as_of: newest first, keep the first seen.
        self.actuals: dict[int, object] = {}
        for kpi_id, value in (
            KpiActual.objects.filter(
                kpi__cycle=self.cycle, kpi__unit_id__in=unit_ids, reported_at__lte=self.as_of
            )
            .order_by("kpi_id", "-reported_at", "-id")
            .values_list("kpi_id", "value")
        ):
            self.actuals.setdefault(kpi_id, value)
        sheet = [f"sheet__{field}" for field in SHEET_FIELDS_FOR_SCORING]
        self.kpis = defaultdict(list)
        for row in (
            Kpi.objects.filter(**scope)
            .order_by("code")
            .values("id", "unit_id", "code", "name", "sheet__id", "sheet__direction", *sheet)
        ):
            self.kpis[row["unit_id"]].append(row)

    # One unit's facts ----------------------------------------------------------------------
    def facts(self, unit: Unit) -> dict:
        return {
            "version": 1,
            "unit": unit.code,
            "fiscal_year": self.cycle.fiscal_year,
            "as_of": _iso(self.as_of),
            "rules": {key: str(value) for key, value in self.cycle.rules().items()},
            "team": self._team(unit.pk),
            "meetings": [
                {
                    "held_on": held_on.isoformat(),
                    "required": required,
                    "attended": (unit.pk, meeting_id) in self.attended,
                }
                for meeting_id, held_on, required in self.meetings
            ],
            "plans": self._plans(unit.pk),
            "report": self._report(unit.pk),
        }

    def _due(self, unit_id: int, step: int) -> str:
        return self.extended.get((unit_id, step), self.due[step]).isoformat()

    def _submissions(self, unit_id: int, step: int) -> tuple[list[dict], bool]:
        """The submissions in time order, each return folded into the one it returned; and
        whether the executive signed the last one submitted (by as_of)."""
        submissions: list[dict] = []
        last_version = None
        for kind, at, correction_due, version_id in self.timeline.get((unit_id, step), ()):
            if kind in SUBMITTING:
                submissions.append({"at": _iso(at)})
                if at <= self.as_of:
                    last_version = version_id
            elif submissions and "returned_at" not in submissions[-1]:
                submissions[-1]["returned_at"] = _iso(at)
                submissions[-1]["correction_due"] = (
                    correction_due.isoformat() if correction_due else None
                )
        return submissions, last_version in self.signed_versions

    def _team(self, unit_id: int) -> dict | None:
        submissions, _ = self._submissions(unit_id, 1)
        if not submissions and unit_id not in self.members:
            return None
        return {
            "due": self._due(unit_id, 1),
            "submissions": submissions,
            "members": self.members.get(unit_id, []),
        }

    def _plans(self, unit_id: int) -> dict | None:
        submissions, signed_off = self._submissions(unit_id, 3)
        kpis = [k for k in self.kpis.get(unit_id, ()) if self.named.get(k["id"])]
        form2 = {dimension for dimension, _, _ in self.activities.get(unit_id, ())}
        if not (submissions or kpis or self.form1.get(unit_id) or form2):
            return None
        return {
            "due": self._due(unit_id, 3),
            "submissions": submissions,
            "signed_off": signed_off,
            "form1_dimensions": sorted(self.form1.get(unit_id, ())),
            "form2_dimensions": sorted(form2),
            "kpis": [self._kpi(kpi) for kpi in kpis],
            "findings": sorted(self.findings.get((unit_id, 3), ())),
        }

    def _kpi(self, kpi: dict) -> dict:
        actual = self.actuals.get(kpi["id"])
        target = kpi["sheet__target"]
        if kpi["sheet__id"] is None:
            sheet = "missing"
        else:
            values = {field: kpi[f"sheet__{field}"] for field in SHEET_FIELDS_FOR_SCORING}
            gaps = sheet_missing_fields(name=kpi["name"], values=values)
            sheet = "incomplete" if gaps else "complete"
        return {
            "id": kpi["code"],
            "named_in": sorted(self.named[kpi["id"]]),
            "sheet": sheet,
            "direction": kpi["sheet__direction"],
            "target": str(target) if target is not None else None,
            "actual": str(actual) if actual is not None else None,
        }

    def _report(self, unit_id: int) -> dict | None:
        submissions, signed_off = self._submissions(unit_id, 4)
        activities = self.activities.get(unit_id, ())
        if not submissions:
            return None
        return {
            "due": self._due(unit_id, 4),
            "submissions": submissions,
            "signed_off": signed_off,
            "activities": [
                {"id": f"{dimension}.{number}", "reported": reported}
                for dimension, number, reported in activities
            ],
            "findings": sorted(self.findings.get((unit_id, 4), ())),
        }

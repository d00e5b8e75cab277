"""The rows of each dataset of one fiscal year, from the published records and plans only.

``YearData`` reads what a year's datasets need once (a fixed number of queries, whatever the
number of units) and each builder turns it into plain rows: dicts keyed by the catalog's
column names, in a stable order (unit code, round, step, label).
"""

import datetime as dt
from functools import cached_property

from pmqa4.core.fiscal import FISCAL_MONTHS, be_year, ce_year
from pmqa4.core.thai import month_name
from pmqa4.framework.models import Dimension
from pmqa4.org.models import Unit, UnitKind

from .plans import PublicForms, public_forms
from .privacy import Guard, public_guard
from .publication import PublicPlan, latest_records, public_plans
from .scores import PublicScore, public_score


def month_of(fiscal_year: int, fiscal_month: int) -> tuple[str, str]:
    """Fiscal month 1–12 of a B.E. fiscal year → ("2024-10", "ต.ค. 2567")."""
    calendar_month = FISCAL_MONTHS[fiscal_month - 1]
    year = ce_year(fiscal_year) - (1 if calendar_month >= 10 else 0)
    return (
        f"{year:04d}-{calendar_month:02d}",
        f"{month_name(calendar_month, short=True)} {be_year(year)}",
    )


def _join(values) -> str:
    return ";".join(str(v) for v in values)


class YearData:
    """A fiscal year's public data, read lazily and once."""

    def __init__(self, cycle, *, unit=None, guard: Guard | None = None):
        self.cycle = cycle
        self.unit = unit
        self._guard = guard

    @cached_property
    def guard(self) -> Guard:
        return self._guard or public_guard()

    @cached_property
    def scores(self) -> list[PublicScore]:
        return [public_score(r, self.guard) for r in latest_records(self.cycle, unit=self.unit)]

    @cached_property
    def plans(self) -> dict[int, PublicPlan]:
        ids = [self.unit.pk] if self.unit is not None else None
        return public_plans(self.cycle, unit_ids=ids)

    @cached_property
    def forms(self) -> dict[int, PublicForms]:
        return {uid: public_forms(p.snapshot, self.guard) for uid, p in self.plans.items()}

    @cached_property
    def plan_units(self) -> list[Unit]:
        """The units with public plans, by code."""
        if self.unit is not None:
            return [self.unit] if self.unit.pk in self.plans else []
        return list(Unit.objects.filter(pk__in=self.plans).order_by("code"))

    @cached_property
    def dimension_names(self) -> dict[int, str]:
        return dict(Dimension.objects.values_list("number", "name_th"))

    @cached_property
    def last_modified(self) -> dt.datetime | None:
        return max((s.published_at for s in self.scores), default=None)

    def rows(self, dataset: str) -> list[dict]:
        return BUILDERS[dataset](self)


def _scores(data: YearData) -> list[dict]:
    rows = []
    for s in data.scores:
        unit = s.unit
        rows.append(
            {
                "fiscal_year": data.cycle.fiscal_year,
                "unit_code": unit.code,
                "unit_name": unit.name_th,
                "unit_kind": unit.kind,
                "unit_kind_name": str(UnitKind(unit.kind).label) if unit.kind else "",
                "province_code": f"TH-{unit.province.iso_code}" if unit.province else None,
                "province_name": unit.province.name_th if unit.province else None,
                "round": s.round,
                "round_name": s.round_name,
                "score": s.score,
                "max_score": s.max_score,
                "assessed_as_of": s.as_of,
                "published_at": s.published_at,
            }
        )
    return rows


def _step_points(data: YearData) -> list[dict]:
    return [
        {
            "fiscal_year": data.cycle.fiscal_year,
            "unit_code": s.unit.code,
            "round": s.round,
            "step": step.step,
            "step_name": step.step_name,
            "done": step.done,
            "points": step.points,
            "deduction_total": step.deduction_total,
            "note": step.note or None,
            "published_at": s.published_at,
        }
        for s in data.scores
        for step in s.steps
    ]


def _deductions(data: YearData) -> list[dict]:
    return [
        {
            "fiscal_year": data.cycle.fiscal_year,
            "unit_code": s.unit.code,
            "round": s.round,
            "step": step.step,
            "rule": d.rule,
            "rule_name": d.rule_name,
            "amount": d.amount,
            "reason": d.reason,
            "published_at": s.published_at,
        }
        for s in data.scores
        for step in s.steps
        for d in step.deductions
    ]


def _form1_items(data: YearData) -> list[dict]:
    rows = []
    for unit in data.plan_units:
        plan = data.plans[unit.pk]
        for item in data.forms[unit.pk].form1:
            rows.append(
                {
                    "fiscal_year": data.cycle.fiscal_year,
                    "unit_code": unit.code,
                    "unit_name": unit.name_th,
                    "item_label": item.label,
                    "dimension": item.dimension,
                    "dimension_name": data.dimension_names.get(item.dimension),
                    "item_name": item.name,
                    "plan_first_year": plan.plan_first_year,
                    "runs_in_year1": item.years[0],
                    "runs_in_year2": item.years[1],
                    "runs_in_year3": item.years[2],
                    "kpi_codes": _join(item.kpis),
                    "plan_version": plan.version,
                    "accepted_at": plan.accepted_at,
                }
            )
    return rows


def _form2_parts(data: YearData):
    """(unit, plan, activity, step or None) for every activity and each of its steps."""
    for unit in data.plan_units:
        plan = data.plans[unit.pk]
        for activity in data.forms[unit.pk].form2:
            yield unit, plan, activity, None
            for step in activity.steps:
                yield unit, plan, activity, step


def _form2_activities(data: YearData) -> list[dict]:
    year = data.cycle.fiscal_year
    rows = []
    for unit, plan, activity, step in _form2_parts(data):
        months = (step or activity).months or ()
        rows.append(
            {
                "fiscal_year": year,
                "unit_code": unit.code,
                "unit_name": unit.name_th,
                "activity_label": activity.label,
                "step_number": step.number if step else None,
                "dimension": activity.dimension,
                "dimension_name": data.dimension_names.get(activity.dimension),
                "name": (step or activity).name,
                "fiscal_months": _join(months),
                "months_name": _join(month_of(year, m)[1] for m in months),
                "kpi_codes": _join(activity.kpis) if step is None else None,
                "plan_version": plan.version,
                "accepted_at": plan.accepted_at,
            }
        )
    return rows


def _form2_months(data: YearData) -> list[dict]:
    year = data.cycle.fiscal_year
    rows = []
    for unit, _plan, activity, step in _form2_parts(data):
        for fiscal_month in (step or activity).months or ():
            month, name = month_of(year, fiscal_month)
            rows.append(
                {
                    "fiscal_year": year,
                    "unit_code": unit.code,
                    "activity_label": activity.label,
                    "step_number": step.number if step else None,
                    "fiscal_month": fiscal_month,
                    "month": month,
                    "month_name": name,
                }
            )
    return rows


def _plan_kpis(data: YearData) -> list[dict]:
    return [
        {
            "fiscal_year": data.cycle.fiscal_year,
            "unit_code": unit.code,
            "kpi_code": code,
            "kpi_name": name or None,
            "plan_version": data.plans[unit.pk].version,
        }
        for unit in data.plan_units
        for code, name in data.forms[unit.pk].kpis
    ]


BUILDERS = {
    "scores": _scores,
    "step_points": _step_points,
    "deductions": _deductions,
    "form1_items": _form1_items,
    "form2_activities": _form2_activities,
    "form2_months": _form2_months,
    "plan_kpis": _plan_kpis,
}

"""Step 3's forms: Form 1 (3-year plan), Form 2 (action plan), Form 3 (KPI sheets), and the
KPI actuals of step 5."""

from pmqa4.core.audit import track

from .kpis import (
    SHEET_FIELDS_FOR_SCORING,
    SHEET_TEXT_FIELDS,
    Direction,
    Kpi,
    KpiActual,
    KpiBaseline,
    KpiSheet,
    KpiSheetStep,
    sheet_missing_fields,
)
from .plans import (
    ActionPlan,
    Activity,
    ActivityStep,
    PlanItem,
    ThreeYearPlan,
    validate_fiscal_months,
)

__all__ = [
    "SHEET_FIELDS_FOR_SCORING",
    "SHEET_TEXT_FIELDS",
    "ActionPlan",
    "Activity",
    "ActivityStep",
    "Direction",
    "Kpi",
    "KpiActual",
    "KpiBaseline",
    "KpiSheet",
    "KpiSheetStep",
    "PlanItem",
    "ThreeYearPlan",
    "sheet_missing_fields",
    "validate_fiscal_months",
]

track(ThreeYearPlan, Kpi, PlanItem, ActionPlan, Activity, ActivityStep, KpiSheet)
track(KpiBaseline, KpiSheetStep, KpiActual)

"""KPI achievement (SCORING.md, "KPI achievement") and the KPIs that step 5 scores."""

from decimal import Decimal

from .facts import Kpi, Plans

HUNDRED = Decimal(100)


def action_plan_kpis(plans: Plans | None) -> tuple[Kpi, ...]:
    """The KPIs of the year's action plan: those named in Form 2 (SCORING-FACTS.md, ``kpis``)."""
    if plans is None:
        return ()
    return tuple(k for k in plans.kpis if "form2" in k.named_in)


def achievement(kpi: Kpi) -> Decimal | None:
    """Percent of target reached; None while there is no actual (or no target to compare)."""
    if kpi.actual is None or kpi.target is None:
        return None
    if kpi.direction == "higher":
        return kpi.actual / kpi.target * HUNDRED
    if kpi.actual <= kpi.target:
        return HUNDRED
    return kpi.target / kpi.actual * HUNDRED


def below_threshold(value: Decimal | None, threshold: Decimal) -> bool:
    """A KPI with no reported actual counts as below (SCORING.md, "KPI below threshold")."""
    return value is None or value < threshold

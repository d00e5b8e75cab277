"""KPI achievement for step 5 (SCORING.md, "KPI achievement"): pure Decimal arithmetic.

The scoring engine works the same sums out on its own side (pmqa4.scoring.engine.kpis); this copy
is what the coordinator sees while typing, so the two must agree to the last digit. The engine
compares the unrounded percentage with the threshold and rounds half up to two decimals only
for display; so does this module, so a page never says "reached" where the score deducts.
No Django here: the preview endpoint and the tests call it with plain values.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)
TWO_PLACES = Decimal("0.01")
METER_MAX = Decimal(150)
HIGHER = "higher"
LOWER = "lower"


def achievement(*, actual: Decimal, target: Decimal | None, direction: str) -> Decimal | None:
    """Percent of target reached, unrounded; None when there is nothing to compare with.

    Higher is better: actual ÷ target × 100. Lower is better: 100 while actual ≤ target, else
    target ÷ actual × 100. A higher-is-better target of 0 has no meaning (the KPI sheet refuses
    it), so it gives None rather than a division by zero.
    """
    if target is None:
        return None
    if direction == LOWER:
        if actual <= target:
            return HUNDRED
        return target / actual * HUNDRED  # actual > target ≥ 0, so actual > 0
    if target == 0:
        return None
    return actual / target * HUNDRED


def two_decimals(value: Decimal) -> Decimal:
    """Half up to two places (84.995 → 85.00), as the engine shows a KPI's achievement."""
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Assessment:
    """One actual read against its target and the cycle's threshold (e.g. 85 %)."""

    percent: Decimal  # unrounded: what the score compares
    threshold: Decimal

    @property
    def shown(self) -> Decimal:
        return two_decimals(self.percent)

    @property
    def reaches(self) -> bool:
        return self.percent >= self.threshold

    @property
    def meter_value(self) -> Decimal:
        """The bar stops at 150 %, so a far exceeded target still leaves the threshold in view."""
        return min(self.shown, METER_MAX)


def assess(
    *, actual: Decimal, target: Decimal | None, direction: str, threshold: Decimal
) -> Assessment | None:
    percent = achievement(actual=actual, target=target, direction=direction)
    if percent is None:
        return None
    return Assessment(percent=percent, threshold=threshold)


def plain(value: Decimal) -> str:
    """A stored Decimal(14, 4) as people write it: 85, 1,250, 80.5 (no trailing zeros)."""
    return f"{value.normalize():,f}"

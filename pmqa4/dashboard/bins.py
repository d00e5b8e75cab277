"""The histograms' bins: KPI achievement around the cycle's threshold, scores in half points."""

from decimal import Decimal

KPI_EDGES = (
    Decimal(50),
    Decimal(60),
    Decimal(70),
    Decimal(80),
    Decimal(90),
    Decimal(100),
    Decimal(110),
    Decimal(120),
)
SCORE_STEP = Decimal("0.5")
SCORE_MAX = Decimal(5)


def plain(value) -> str:
    """85.00 → '85', 85.50 → '85.5': a number as people write it."""
    return f"{Decimal(value).normalize():f}"


_text = plain


def kpi_histogram(achievements, threshold: Decimal) -> list[tuple[str, int, bool]]:
    """(label, KPIs, whether the bin reaches the threshold): below 50, 10-point bins up to 120
    split at the threshold, then 120 and above. A bin's lower edge is included."""
    edges = sorted(set(KPI_EDGES) | {Decimal(threshold)})
    values = sorted(Decimal(a) for a in achievements)
    bins = [(f"< {_text(edges[0])}", None, edges[0])]
    bins += [(f"{_text(lo)}–{_text(hi)}", lo, hi) for lo, hi in zip(edges, edges[1:], strict=False)]
    bins.append((f"≥ {_text(edges[-1])}", edges[-1], None))
    rows = []
    for label, lo, hi in bins:
        count = sum(1 for v in values if (lo is None or v >= lo) and (hi is None or v < hi))
        rows.append((label, count, lo is not None and lo >= threshold))
    return rows


def score_histogram(round1, year) -> list[tuple[str, int, int]]:
    """(band, units in round 1, units in the year) in half-point bands 0–0.5 … 4.5–5; a band's
    lower bound is included, 5 falls in the last band."""
    round1, year = [Decimal(v) for v in round1], [Decimal(v) for v in year]
    rows = []
    lower = Decimal(0)
    while lower < SCORE_MAX:
        upper = lower + SCORE_STEP
        top = upper == SCORE_MAX

        def within(v, lower=lower, upper=upper, top=top):
            return lower <= v and (v < upper or (top and v <= upper))

        rows.append(
            (
                f"{lower:.1f}–{upper:.1f}",
                sum(1 for v in round1 if within(v)),
                sum(1 for v in year if within(v)),
            )
        )
        lower = upper
    return rows

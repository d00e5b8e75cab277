"""Properties that hold for any facts: points stay in range, bad news never raises a score,
and the offset a timestamp is written in never matters (SCORING.md, SCORING-FACTS.md)."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from pmqa4.scoring.engine import score_document

UTC = dt.UTC
BANGKOK = ZoneInfo("Asia/Bangkok")
START = dt.datetime(2024, 10, 1, tzinfo=UTC)
OFFSETS = [
    dt.timedelta(hours=h, minutes=m)
    for h, m in ((7, 0), (0, 0), (-5, 0), (5, 45), (14, 0), (-12, 0))
]
SETTINGS = settings(max_examples=60, deadline=None, database=None)

# sampled_from, not integers: Hypothesis pulls integers toward 0, i.e. all to 1 Oct 2024.
seconds = st.sampled_from([0, 1, 61199, 61200, 61201, 86399]) | st.integers(0, 86399)


def moments_on(first_day: int, last_day: int):
    day = st.sampled_from(range(first_day, last_day))
    return st.builds(lambda d, s: START + dt.timedelta(days=d, seconds=s), day, seconds)


moments = moments_on(0, 400)
assessment_times = moments_on(0, 400) | moments_on(300, 400)  # mostly late in the year
days = st.sampled_from(range(400)).map(lambda d: START.date() + dt.timedelta(days=d))
mostly_true = st.sampled_from([True, True, True, False])
amounts = st.sampled_from(["0", "0.05", "0.1", "0.25", "0.5", "1", "1.5"])


@st.composite
def submissions(draw) -> list[dict]:
    times = sorted(draw(st.lists(moments, min_size=draw(st.sampled_from([0, 1, 1])), max_size=3)))
    result = []
    for at in times:
        entry = {"at": at}
        if draw(st.integers(0, 3)) == 0:
            entry["returned_at"] = at + dt.timedelta(days=draw(st.integers(0, 20)))
            entry["correction_due"] = draw(st.none() | days)
        result.append(entry)
    return result


def step_part(**extra):
    part = st.fixed_dictionaries(
        {"due": days, "submissions": submissions(), "signed_off": mostly_true, **extra}
    )
    return mostly_true.flatmap(lambda present: part if present else st.none())


findings = st.lists(st.sampled_from(["not_unit_wide", "not_as_prescribed"]), unique=True)
dimensions = st.just([1, 2, 3]) | st.lists(st.sampled_from([1, 2, 3]), unique=True)


@st.composite
def kpis(draw) -> dict:
    direction = draw(st.sampled_from(["higher", "lower"]))
    low = 1 if direction == "higher" else 0
    return {
        "id": f"K{draw(st.integers(1, 99))}",
        "named_in": draw(st.lists(st.sampled_from(["form1", "form2"]), min_size=1, unique=True)),
        "sheet": draw(st.sampled_from(["complete"] * 4 + ["incomplete", "missing"])),
        "direction": direction,
        "target": str(draw(st.integers(low, 200))),
        "actual": draw(st.none() | st.integers(0, 300).map(str)),
    }


members = st.fixed_dictionaries(
    {k: st.sampled_from(["x", "x", "x", ""]) for k in ("name", "position", "phone", "email")}
)
rules = st.fixed_dictionaries(
    {},
    optional={
        "late_or_incomplete": amounts,
        "not_unit_wide": amounts,
        "missing_dimension": amounts,
        "kpi_below": amounts,
        "kpi_threshold": st.sampled_from(["50", "85", "100"]),
        "step_points": st.sampled_from(["1", "2", "0.5"]),
        "timezone": st.sampled_from(["Asia/Bangkok", "UTC"]),
    },
)
models = st.fixed_dictionaries(
    {
        "version": st.just(1),
        "as_of": assessment_times,
        "rules": rules,
        "team": step_part(members=st.lists(members, min_size=1, max_size=3) | st.just([])),
        "meetings": st.lists(
            st.fixed_dictionaries(
                {"held_on": days, "required": mostly_true, "attended": mostly_true}
            ),
            max_size=6,
        ),
        "plans": step_part(
            form1_dimensions=dimensions,
            form2_dimensions=dimensions,
            kpis=st.lists(kpis(), max_size=4),
            findings=findings,
        ),
        "report": step_part(
            activities=st.lists(
                st.fixed_dictionaries({"id": st.just("1.1"), "reported": mostly_true}),
                max_size=3,
            ),
            findings=findings,
        ),
    }
)


def render(model, shift: int = 0):
    """The model as JSON facts; timestamps in offsets picked by position, rotated by shift."""
    counter = iter(range(10**6))

    def walk(value):
        if isinstance(value, dt.datetime):
            offset = OFFSETS[(next(counter) + shift) % len(OFFSETS)]
            return value.astimezone(dt.timezone(offset)).isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return walk(model)


def points(breakdown: dict) -> list[Decimal]:
    return [Decimal(s["points"]) for s in breakdown["steps"]] + [Decimal(breakdown["year"])]


def no_higher(after: dict, before: dict) -> bool:
    return all(a <= b for a, b in zip(points(after), points(before), strict=True))


@SETTINGS
@given(models)
def test_every_step_scores_between_zero_and_its_points(model):
    breakdown = score_document(render(model))
    most = Decimal(model["rules"].get("step_points", "1"))
    for step in breakdown["steps"]:
        assert Decimal(0) <= Decimal(step["points"]) <= most
        assert step["done"] or (step["points"] == "0.00" and step["deductions"] == [])


@SETTINGS
@given(
    models,
    st.sampled_from(["plans", "report"]),
    st.sampled_from(["not_unit_wide", "not_as_prescribed"]),
)
def test_adding_a_finding_never_raises_a_score(model, part, finding):
    before = score_document(render(model))
    if model[part] is not None and finding not in model[part]["findings"]:
        model[part]["findings"].append(finding)
    assert no_higher(score_document(render(model)), before)


@SETTINGS
@given(
    models,
    st.sampled_from(["team", "plans", "report"]),
    st.integers(1, 60 * 24 * 3600),
    st.booleans(),
)
def test_a_later_first_submission_never_raises_a_score(model, part, seconds, past_due):
    before = score_document(render(model))
    if model[part] is not None and model[part]["submissions"]:
        subs = model[part]["submissions"]
        later = subs[0]["at"] + dt.timedelta(seconds=seconds)
        if past_due:  # land just after the due date ends, where on time turns late
            due_ends = dt.datetime.combine(model[part]["due"], dt.time.max, tzinfo=BANGKOK)
            later = max(subs[0]["at"], due_ends) + dt.timedelta(seconds=seconds % 7200 + 1)
        subs[0]["at"] = min(later, subs[1]["at"]) if len(subs) > 1 else later
    assert no_higher(score_document(render(model)), before)


@SETTINGS
@given(models, st.integers(1, len(OFFSETS) - 1))
def test_timestamps_in_other_utc_offsets_score_the_same(model, shift):
    assert score_document(render(model, shift)) == score_document(render(model))

from pmqa4.submissions.models import Finding, Submission

from .compare import score_changes
from .models import ScoreRecord


def findings_of(unit, cycle):
    """Every finding on the unit's step 3 and 4 submissions, standing and withdrawn."""
    return (
        Finding.objects.filter(submission__unit=unit, submission__step__cycle=cycle)
        .select_related("submission__step", "recorded_by", "withdrawn_by")
        .order_by("-recorded_at")
    )


def submissions_for_findings(unit, cycle) -> dict[int, Submission]:
    return {
        s.step.number: s
        for s in Submission.objects.filter(
            unit=unit, step__cycle=cycle, step__number__in=(3, 4)
        ).select_related("step")
    }


def publications(unit, cycle) -> list[dict]:
    """Each publication of the unit's score, newest first, with what changed since the one
    before it of the same kind."""
    records = list(
        ScoreRecord.objects.filter(unit=unit, cycle=cycle)
        .select_related("published_by")
        .order_by("kind", "published_at")
    )
    previous = {}
    history = []
    for record in records:
        before = previous.get(record.kind)
        changes = score_changes(before.breakdown, record.breakdown) if before else []
        history.append({"record": record, "changes": changes, "first": before is None})
        previous[record.kind] = record
    return sorted(history, key=lambda h: h["record"].published_at, reverse=True)


def latest_published(cycle) -> dict[tuple[int, int], ScoreRecord]:
    """(unit id, kind) → the latest publication, for the scoreboard: one query."""
    latest = {}
    for record in (
        ScoreRecord.objects.filter(cycle=cycle)
        .order_by("published_at")
        .only("unit_id", "kind", "round1", "year", "published_at")
    ):
        latest[record.unit_id, record.kind] = record
    return latest

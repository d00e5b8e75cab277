"""The scoring engine: facts of one unit's year in, the score with its explanation out.

A standalone, pure package (stdlib only, no Django, nothing else from pmqa4) so anyone can score
a hand-written case (SCORING-FACTS.md). ``score_document`` is the JSON-to-JSON form.
"""

import gc
from collections.abc import Iterable

from . import read, rules, timeline, wording
from .breakdown import Breakdown, Deduction, KpiResult, StepResult
from .errors import FactsError
from .facts import Facts, parse_facts
from .rules import Rules
from .score import score

__all__ = [
    "Breakdown",
    "Deduction",
    "Facts",
    "FactsError",
    "KpiResult",
    "Rules",
    "StepResult",
    "clear_caches",
    "parse_facts",
    "score",
    "score_document",
    "score_documents",
]


def score_document(document) -> dict:
    """A facts dict (as loaded from JSON) to its breakdown dict; raises FactsError."""
    return score(parse_facts(document)).to_json()


def score_documents(documents: Iterable) -> list[dict]:
    """Many units' facts (a cycle's) to their breakdowns, in order; raises FactsError.

    The garbage collector is paused meanwhile: scoring makes many small containers and no
    reference cycles, so its passes over the growing list of breakdowns (a quarter of the time)
    would find nothing to collect.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [score(parse_facts(document)).to_json() for document in documents]
    finally:
        if enabled:
            gc.enable()


def clear_caches() -> None:
    """Forget the remembered readings (dates, times, amounts, rules): a cold start for benchmarks.

    Not needed for correctness: the caches only hold values derived from their keys.
    """
    read.clear_caches()
    rules.clear_cache()
    timeline.deadline.cache_clear()
    wording.clear_caches()

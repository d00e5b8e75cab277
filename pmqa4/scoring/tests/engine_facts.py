"""Worked examples A and B as the starting point of rule tests: A is a perfect year."""

import copy
import json
import re
from pathlib import Path

from pmqa4.scoring.engine import score_document

DATA = Path(__file__).parent / "data"
A = json.loads((DATA / "A.facts.json").read_text(encoding="utf-8"))
B = json.loads((DATA / "B.facts.json").read_text(encoding="utf-8"))
ABSENT = object()
LATE = ("late_or_incomplete", "0.05")
HALF = "0.50"
_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def changed(*changes, base: dict = A) -> dict:
    """A copy of ``base`` with ("team.submissions[0].at", value) pairs applied; ABSENT deletes."""
    facts = copy.deepcopy(base)
    for path, value in changes:
        keys = [int(i) if i else name for name, i in _PART.findall(path)]
        parent = facts
        for key in keys[:-1]:
            parent = parent[key]
        if value is ABSENT:
            del parent[keys[-1]]
        else:
            parent[keys[-1]] = value
    return facts


def step(facts: dict, number: int) -> dict:
    return score_document(facts)["steps"][number - 1]


def charged(step_result: dict) -> list[tuple[str, str]]:
    """The (rule, amount) pairs of a step: what the contract's tests compare."""
    return [(d["rule"], d["amount"]) for d in step_result["deductions"]]

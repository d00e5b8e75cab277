"""A unit's public Forms 1–2, read from the frozen snapshot of its accepted step-3 version.

Kept: each Form 1 item (label, dimension, name, the plan years it runs in, its KPI codes), each
Form 2 activity and its steps (label, name, fiscal months, KPI codes) and the KPIs' codes and
names. Never kept: Form 2's "กลุ่มงาน/ผู้รับผิดชอบ" (units write people's names there), and the
whole KPI sheet (Form 3: its supervisor's and collector's names, phones and e-mails).

Snapshots written before the rows carried their label, years and months (the demo's, for one)
are read too: the label is then counted within its dimension, as on the official form.
"""

import dataclasses

from .privacy import Guard

MONTHS = range(1, 13)


@dataclasses.dataclass(frozen=True)
class Form1Item:
    label: str
    dimension: int | None
    name: str
    years: tuple[bool | None, bool | None, bool | None]
    kpis: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Form2Step:
    number: int
    name: str
    months: tuple[int, ...] | None


@dataclasses.dataclass(frozen=True)
class Form2Activity:
    label: str
    dimension: int | None
    name: str
    months: tuple[int, ...] | None
    kpis: tuple[str, ...]
    steps: tuple[Form2Step, ...]


@dataclasses.dataclass(frozen=True)
class PublicForms:
    form1: tuple[Form1Item, ...]
    form2: tuple[Form2Activity, ...]
    kpis: tuple[tuple[str, str], ...]  # (code, name)


def _rows(snapshot, key) -> list[dict]:
    rows = snapshot.get(key) if isinstance(snapshot, dict) else None
    return [row for row in rows or [] if isinstance(row, dict)]


def _dimension(row: dict) -> int | None:
    value = row.get("dimension")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    head = str(row.get("label") or "").split(".")[0]
    return int(head) if head.isdigit() else None


class _Labels:
    """A row's own label, else the next number within its dimension (1.1, 1.2, 2.1 …)."""

    def __init__(self):
        self.counters: dict[int | None, int] = {}

    def __call__(self, row: dict, dimension) -> str:
        self.counters[dimension] = self.counters.get(dimension, 0) + 1
        label = row.get("label")
        if label:
            return str(label)
        return (
            f"{dimension}.{self.counters[dimension]}"
            if dimension
            else str(self.counters[dimension])
        )


def _codes(values) -> tuple[str, ...]:
    codes = []
    for value in values or []:
        code = value.get("code") if isinstance(value, dict) else value
        if isinstance(code, str) and code:
            codes.append(code)
    return tuple(codes)


def _months(values) -> tuple[int, ...] | None:
    """The fiscal months, or None when the version did not record them at all."""
    if not isinstance(values, list):
        return None
    return tuple(sorted({m for m in values if isinstance(m, int) and m in MONTHS}))


def _years(values) -> tuple:
    if isinstance(values, list) and len(values) == 3:
        return tuple(bool(v) for v in values)
    return (None, None, None)


def public_forms(snapshot: dict, guard: Guard) -> PublicForms:
    labels = _Labels()
    form1 = []
    for row in _rows(snapshot, "form1"):
        dimension = _dimension(row)
        form1.append(
            Form1Item(
                label=guard(labels(row, dimension)),
                dimension=dimension,
                name=guard(str(row.get("name") or "")),
                years=_years(row.get("years")),
                kpis=tuple(guard(c) for c in _codes(row.get("kpis"))),
            )
        )
    labels = _Labels()
    form2 = []
    for row in _rows(snapshot, "form2"):
        dimension = _dimension(row)
        steps = [
            Form2Step(
                number=number,
                name=guard(str(step.get("name") or "")),
                months=_months(step.get("months")),
            )
            for number, step in enumerate(
                (s for s in row.get("steps") or [] if isinstance(s, dict)), start=1
            )
        ]
        form2.append(
            Form2Activity(
                label=guard(labels(row, dimension)),
                dimension=dimension,
                name=guard(str(row.get("name") or "")),
                months=_months(row.get("months")),
                kpis=tuple(guard(c) for c in _codes(row.get("kpis"))),
                steps=tuple(steps),
            )
        )
    kpis = []
    listed = snapshot.get("kpis") if isinstance(snapshot, dict) else None
    for value in listed if isinstance(listed, list) else []:
        if isinstance(value, dict) and value.get("code"):
            kpis.append((guard(str(value["code"])), guard(str(value.get("name") or ""))))
        elif isinstance(value, str) and value:
            kpis.append((guard(value), ""))
    return PublicForms(form1=tuple(form1), form2=tuple(form2), kpis=tuple(kpis))

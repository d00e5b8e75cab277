"""Step 3's live checklist: what the plans would lose points for if they were submitted now.

Pure functions over the facts that ``selectors.checklist_facts`` reads, mirroring SCORING.md's
step 3 rules (a missing dimension, a named KPI without a complete Form 3 sheet) plus the gaps an
executive would send back (activities without months or responsible). It warns; it never
blocks submitting, because the rules deduct points, they never forbid.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .models import SHEET_FIELDS_FOR_SCORING, sheet_missing_fields

# A missing field's label and the id of its input on the Form 3 page (the link goes there).
FIELD_LABELS = {
    "dimension": (_("๑. มิติเป้าหมายการพัฒนา"), "id_dimension"),
    "name": (_("๒. ชื่อตัวชี้วัด"), "id_name"),
    "unit_of_measure": (_("๓. หน่วยวัด"), "id_unit_of_measure"),
    "calculation": (_("๔. วิธีคำนวณตัวชี้วัด"), "id_calculation"),
    "definition": (_("๕. คำอธิบาย/นิยามศัพท์"), "id_definition"),
    "collection_method": (_("๘. วิธีการจัดเก็บข้อมูล"), "id_collection_method"),
    "collection_frequency": (_("๘. ความถี่การจัดเก็บข้อมูล"), "id_collection_frequency"),
    "data_source": (_("๘. แหล่งข้อมูล"), "id_data_source"),
    "supervisor_name": (_("๙. ชื่อผู้กำกับตัวชี้วัด"), "id_supervisor_name"),
    "supervisor_contact": (_("๙. โทรศัพท์หรืออีเมลของผู้กำกับตัวชี้วัด"), "id_supervisor_phone"),
    "target": (_("ค่าเป้าหมาย"), "id_target"),
}


@dataclass(frozen=True)
class ActivityFact:
    pk: int
    dimension: int
    number: int
    name: str
    has_months: bool
    has_responsible: bool

    @property
    def label(self) -> str:
        return f"{self.dimension}.{self.number}"


@dataclass(frozen=True)
class KpiFact:
    code: str
    name: str
    in_form1: bool
    in_form2: bool
    has_sheet: bool
    missing: tuple[str, ...] = ()
    target: Decimal | None = None
    direction: str = ""

    @property
    def named(self) -> bool:
        return self.in_form1 or self.in_form2


def kpi_fact(row: dict) -> KpiFact:
    """A KPI from a values() row that carries its sheet's scoring fields as ``sheet__<field>``."""
    has_sheet = row["sheet__id"] is not None
    missing: tuple[str, ...] = ()
    if has_sheet:
        values = {f: row[f"sheet__{f}"] for f in SHEET_FIELDS_FOR_SCORING}
        missing = tuple(sheet_missing_fields(name=row["name"], values=values))
    named = (bool(row["in_form1"]), bool(row["in_form2"]))
    target, direction = row["sheet__target"], row.get("sheet__direction") or ""
    return KpiFact(row["code"], row["name"], *named, has_sheet, missing, target, direction)


@dataclass(frozen=True)
class Facts:
    dimensions: tuple[tuple[int, str], ...]  # (number, Thai name)
    form1_dimensions: tuple[int, ...]  # the dimension number of each Form 1 item
    activities: tuple[ActivityFact, ...]
    kpis: tuple[KpiFact, ...]

    @property
    def complete_sheets(self) -> int:
        return sum(1 for k in self.kpis if k.has_sheet and not k.missing)


@dataclass(frozen=True)
class DimensionCheck:
    number: int
    name: str
    form1: int  # how many Form 1 items
    form2: int  # how many Form 2 activities

    @property
    def missing_from(self) -> tuple[int, ...]:
        return tuple(form for form, count in ((1, self.form1), (2, self.form2)) if not count)

    @property
    def ok(self) -> bool:
        return not self.missing_from


@dataclass(frozen=True)
class Gap:
    field: str
    label: str
    anchor: str


@dataclass(frozen=True)
class SheetGaps:
    kpi: KpiFact
    gaps: tuple[Gap, ...]


@dataclass(frozen=True)
class Checklist:
    dimensions: tuple[DimensionCheck, ...]
    without_sheet: tuple[KpiFact, ...]
    incomplete: tuple[SheetGaps, ...]
    not_named: tuple[KpiFact, ...]
    without_months: tuple[ActivityFact, ...]
    without_responsible: tuple[ActivityFact, ...]
    missing_dimension_amount: Decimal
    incomplete_amount: Decimal

    @property
    def missing_dimensions(self) -> tuple[DimensionCheck, ...]:
        return tuple(d for d in self.dimensions if not d.ok)

    @property
    def dimension_deduction(self) -> Decimal:
        """SCORING.md: 0.5 per dimension missing from Form 1 or Form 2, once if from both."""
        return self.missing_dimension_amount * len(self.missing_dimensions)

    @property
    def is_incomplete(self) -> bool:
        return bool(self.without_sheet or self.incomplete)

    @property
    def deduction(self) -> Decimal:
        """What these gaps would cost (late-or-incomplete is 0.05 once per step, however many)."""
        extra = self.incomplete_amount if self.is_incomplete else Decimal("0")
        return self.dimension_deduction + extra

    @property
    def warning_count(self) -> int:
        return (
            len(self.missing_dimensions)
            + len(self.without_sheet)
            + len(self.incomplete)
            + len(self.without_months)
            + len(self.without_responsible)
        )

    @property
    def ok(self) -> bool:
        return self.warning_count == 0


def dimension_checks(facts: Facts) -> tuple[DimensionCheck, ...]:
    form2 = [a.dimension for a in facts.activities]
    return tuple(
        DimensionCheck(number, name, facts.form1_dimensions.count(number), form2.count(number))
        for number, name in facts.dimensions
    )


def sheet_gaps(kpi: KpiFact) -> SheetGaps:
    gaps = tuple(Gap(f, str(FIELD_LABELS[f][0]), FIELD_LABELS[f][1]) for f in kpi.missing)
    return SheetGaps(kpi, gaps)


def build(facts: Facts, *, missing_dimension: Decimal, late_or_incomplete: Decimal) -> Checklist:
    """The checklist for the facts, with the cycle's deduction amounts for the warnings."""
    named = [k for k in facts.kpis if k.named]
    return Checklist(
        dimensions=dimension_checks(facts),
        without_sheet=tuple(k for k in named if not k.has_sheet),
        incomplete=tuple(sheet_gaps(k) for k in named if k.has_sheet and k.missing),
        not_named=tuple(k for k in facts.kpis if not k.named),
        without_months=tuple(a for a in facts.activities if not a.has_months),
        without_responsible=tuple(a for a in facts.activities if not a.has_responsible),
        missing_dimension_amount=missing_dimension,
        incomplete_amount=late_or_incomplete,
    )

"""Every table of the dashboard as plain rows: shown as the charts' text alternative and
exported as CSV and XLSX from the same rows, so the three never disagree."""

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from pmqa4.core.thai import format_be_date, format_number

from . import bins
from .figures import LIVE, PUBLISHED
from .filters import SUBMITTED_STEPS


@dataclass(frozen=True)
class Column:
    label: str
    width: int = 14  # XLSX column width, in characters
    numeric: bool = False


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[list]
    notes: list[str] = field(default_factory=list)

    @property
    def header(self) -> list[str]:
        return [c.label for c in self.columns]


def cell_text(value) -> str:
    """A cell as the page shows it: numbers with separators, a Decimal with its own decimals
    (a percent 50.0, a mean score 0.36), an empty value as a dash. The exports keep the values
    themselves."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_number(value)
    if isinstance(value, Decimal):
        return format_number(value, max(0, -value.as_tuple().exponent))
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def _date(day) -> str:
    return format_be_date(day, "short") if day else ""


def _step(number: int) -> str:
    return _("ขั้นที่ %(n)d") % {"n": number}


def _kind_labels():
    from pmqa4.org.models import UnitKind

    return dict(UnitKind.choices)


def matrix_table(matrix, cycle) -> Table:
    """One row per unit: each shown step's status (with its note) and the unit's due date."""
    kinds = _kind_labels()
    numbers = matrix.shown_numbers
    with_attendance = len(numbers) > 1
    columns = [
        Column(_("รหัส"), 12),
        Column(_("ชื่อหน่วยงาน"), 40),
        Column(_("ประเภท"), 18),
        Column(_("จังหวัด"), 16),
        Column(_("ภาค"), 18),
    ]
    for n in numbers:
        columns += [
            Column(_step(n) + " " + _("สถานะ"), 26),
            Column(_step(n) + " " + _("กำหนดส่ง"), 14),
        ]
    if with_attendance:
        columns += [
            Column(_step(2) + " " + _("เข้าร่วม (ครั้ง)"), 12, True),
            Column(_step(2) + " " + _("จัดแล้ว (ครั้ง)"), 12, True),
            Column(_step(2) + " " + _("ร้อยละการเข้าร่วม"), 14, True),
        ]
    rows = []
    for row in matrix.rows:
        unit = row.unit
        province = unit.province
        line = [
            unit.code,
            unit.name_th,
            str(kinds.get(unit.kind, unit.kind)),
            province.name_th if province else "",
            province.get_region_display() if province else "",
        ]
        for cell in row.columns:
            due = _date(cell.due_on)
            if cell.extended:
                due = _("%(due)s (ขยายเวลา)") % {"due": due}
            line += [cell.text, due]
        if with_attendance:
            percent = row.rate.percent
            line += [
                row.rate.attended,
                row.rate.held,
                percent.quantize(Decimal("0.1")) if percent is not None else None,
            ]
        rows.append(line)
    return Table(
        "matrix",
        _("สถานะการดำเนินงานของหน่วยงาน ปีงบประมาณ %(y)d") % {"y": cycle.fiscal_year},
        columns,
        rows,
    )


def counts_table(matrix) -> Table:
    from .statuses import label

    numbers = [s.number for s in matrix.steps]
    columns = [Column(_("สถานะ"), 28)]
    columns += [Column(_step(n), 12, True) for n in numbers]
    columns.append(Column(_("รวม"), 12, True))
    rows = [
        [label(count.status), *(count.per_step[n] for n in numbers), count.total]
        for count in matrix.counts
    ]
    rows.append([_("รวม"), *(matrix.step_totals[n] for n in numbers), matrix.total_cells])
    notes = [
        _("นับจากหน่วยงาน %(n)d หน่วยงานตามตัวกรองประเภท พื้นที่ และคำค้น") % {"n": matrix.counted_units}
    ]
    return Table("counts", _("จำนวนหน่วยงานในแต่ละสถานะ แยกตามขั้นตอน"), columns, rows, notes)


def attendance_order(figures):
    """Units by attendance rate, lowest first (no meeting yet: last), then by code."""
    year = figures.selected

    def key(unit):
        percent = year.rate(unit.pk).percent
        return (percent is None, percent or 0, unit.code)

    return sorted(figures.units, key=key)


def attendance_table(figures) -> Table:
    year = figures.selected
    threshold = year.cycle.attendance_threshold
    shown = Decimal(bins.plain(threshold))  # 85, not 85.00
    columns = [
        Column(_("รหัส"), 12),
        Column(_("ชื่อหน่วยงาน"), 40),
        Column(_("เข้าร่วม (ครั้ง)"), 12, True),
        Column(_("จัดแล้ว (ครั้ง)"), 12, True),
        Column(_("ร้อยละการเข้าร่วม"), 14, True),
        Column(_("เกณฑ์ (ร้อยละ)"), 12, True),
        Column(_("ผล"), 20),
    ]
    rows = []
    for unit in attendance_order(figures):
        rate = year.rate(unit.pk)
        if rate.reached is None:
            verdict = _("ยังไม่มีการประชุม")
        else:
            verdict = _("ถึงเกณฑ์") if rate.reached else _("ต่ำกว่าเกณฑ์")
        percent = rate.percent.quantize(Decimal("0.1")) if rate.percent is not None else None
        rows.append([unit.code, unit.name_th, rate.attended, rate.held, percent, shown, verdict])
    notes = [
        _("ถึงเกณฑ์ร้อยละ %(t)s: %(n)d จาก %(all)d หน่วยงาน")
        % {"t": bins.plain(threshold), "n": year.attendance_reaching, "all": len(figures.units)}
    ]
    return Table(
        "attendance", _("อัตราการเข้าร่วมประชุมของแต่ละหน่วยงานเทียบกับเกณฑ์"), columns, rows, notes
    )


def coverage_counts(figures):
    """(dimension, {category number: units or None when unmapped}, form1 units, form2 units),
    and per category the units touching it through any dimension of their Form 2."""
    year = figures.selected
    form1, form2 = Counter(), Counter()
    touching = Counter()
    mapped = {d.number: {c.number for c in d.categories.all()} for d in figures.dimensions}
    for unit_id in year.unit_ids:
        form1.update(year.form1.get(unit_id, ()))
        dims = year.form2.get(unit_id, set())
        form2.update(dims)
        touching.update({c for d in dims for c in mapped.get(d, ())})
    rows = []
    for dimension in figures.dimensions:
        cats = mapped[dimension.number]
        cells = {
            c.number: (form2[dimension.number] if c.number in cats else None)
            for c in figures.categories
        }
        rows.append((dimension, cells, form1[dimension.number], form2[dimension.number]))
    return rows, {c.number: touching[c.number] for c in figures.categories}


def coverage_table(figures) -> Table:
    units = len(figures.units)
    rows_in, touching = coverage_counts(figures)
    columns = [Column(_("มิติ"), 36)]
    columns += [Column(_("หมวด %(n)d") % {"n": c.number}, 10, True) for c in figures.categories]
    columns += [
        Column(_("หน่วยงานที่มีในแบบฟอร์ม ๑"), 14, True),
        Column(_("หน่วยงานที่มีในแบบฟอร์ม ๒"), 14, True),
        Column(_("ร้อยละ (แบบฟอร์ม ๒)"), 12, True),
    ]
    rows = []
    for dimension, cells, f1, f2 in rows_in:
        percent = (Decimal(f2) * 100 / units).quantize(Decimal("0.1")) if units else None
        rows.append([f"{dimension.number}. {dimension.name_th}", *cells.values(), f1, f2, percent])
    rows.append([_("หน่วยงานที่ครอบคลุมหมวด (ผ่านมิติใดก็ได้)"), *touching.values(), None, None, None])
    notes = [
        _(
            "ช่องของหมวดคือจำนวนหน่วยงานที่มีกิจกรรมในแผนปฏิบัติการ (แบบฟอร์ม ๒) "
            "ในมิติที่เกี่ยวข้องกับหมวดนั้น; – คือหมวดที่ไม่เกี่ยวข้องกับมิติ"
        ),
        _("จากหน่วยงานทั้งหมด %(n)d หน่วยงาน") % {"n": units},
    ]
    return Table("coverage", _("ความครอบคลุมมิติ × หมวด PMQA ๔.๐"), columns, rows, notes)


def kpi_table(figures) -> Table:
    year = figures.selected
    threshold = year.cycle.kpi_threshold
    columns = [
        Column(_("ร้อยละของค่าเป้าหมาย"), 20),
        Column(_("จำนวนตัวชี้วัด"), 14, True),
        Column(_("ถึงเกณฑ์"), 12),
    ]
    rows = [
        [label, count, _("ถึงเกณฑ์") if reaches else _("ต่ำกว่าเกณฑ์")]
        for label, count, reaches in bins.kpi_histogram(year.achievements, threshold)
    ]
    rows.append([_("ยังไม่รายงานผล"), year.kpis_without_result, _("ต่ำกว่าเกณฑ์")])
    notes = [
        _("ตัวชี้วัดที่มีค่าเป้าหมาย %(all)d ตัว ถึงเกณฑ์ร้อยละ %(t)s ของค่าเป้าหมาย %(n)d ตัว")
        % {
            "all": len(year.achievements) + year.kpis_without_result,
            "t": bins.plain(threshold),
            "n": year.kpis_reaching,
        }
    ]
    return Table("kpis", _("การกระจายผลสำเร็จของตัวชี้วัด"), columns, rows, notes)


def score_source(scores) -> str:
    if scores.source == PUBLISHED:
        return _("คะแนนที่เผยแพร่แล้ว")
    if scores.source == LIVE:
        return _("คะแนน ณ ปัจจุบัน (ยังไม่เผยแพร่)")
    return _("ยังไม่มีคะแนน")


def score_table(figures) -> Table:
    scores = figures.selected.scores
    columns = [
        Column(_("ช่วงคะแนน"), 14),
        Column(_("รอบที่ ๑ (หน่วยงาน)"), 16, True),
        Column(_("ทั้งปี (หน่วยงาน)"), 16, True),
    ]
    rows = [
        list(band) for band in bins.score_histogram(scores.round1.values(), scores.year.values())
    ]
    notes = [
        score_source(scores),
        _("คะแนนเฉลี่ยรอบที่ ๑: %(r)s จาก 3.00 · ทั้งปี: %(y)s จาก 5.00")
        % {
            "r": scores.mean(scores.round1.values()) or "–",
            "y": scores.mean(scores.year.values()) or "–",
        },
    ]
    return Table("scores", _("การกระจายคะแนนของหน่วยงานแยกตามรอบการประเมิน"), columns, rows, notes)


def timeline_table(figures) -> Table:
    """Cumulative first submissions of each step on each day something happened, with the due
    dates as rows of their own."""
    year = figures.selected
    numbers = [n for n in SUBMITTED_STEPS if n in year.due]
    columns = [Column(_("วันที่"), 14)]
    columns += [Column(_step(n) + " " + _("(สะสม)"), 14, True) for n in numbers]
    columns.append(Column(_("หมายเหตุ"), 30))
    days = sorted(
        {d for n in numbers for d in year.first_submitted.get(n, ())}
        | {year.due[n] for n in numbers}
    )
    rows = []
    for day in days:
        counts = [bisect_right(year.first_submitted.get(n, []), day) for n in numbers]
        due = [_("กำหนดส่ง") + _step(n) for n in numbers if year.due[n] == day]
        rows.append([_date(day), *counts, ", ".join(due)])
    summary = [
        _(
            "%(step)s: ส่งภายในกำหนด %(on)d ส่งหลังกำหนด %(late)d "
            "เลยกำหนดยังไม่ส่ง %(missing)d ยังไม่ถึงกำหนด %(wait)d"
        )
        % {
            "step": _step(n),
            "on": year.by_step[n]["on_time"],
            "late": year.by_step[n]["late"],
            "missing": year.by_step[n]["missing"],
            "wait": year.by_step[n]["not_due"],
        }
        for n in numbers
    ]
    return Table("timeline", _("จำนวนการส่งงานสะสมตามวันที่ เทียบกับกำหนดส่ง"), columns, rows, summary)


def years_table(figures) -> Table:
    all_dims = [d.number for d in figures.dimensions]
    columns = [
        Column(_("ปีงบประมาณ"), 12),
        Column(_("หน่วยงาน"), 10, True),
        Column(_("งานที่ส่งแล้วหรือเลยกำหนด (หน่วยงาน × ขั้น)"), 16, True),
        Column(_("ร้อยละส่งตรงเวลา"), 14, True),
        Column(_("ร้อยละหน่วยงานที่เข้าร่วมประชุมถึงเกณฑ์"), 18, True),
        Column(_("ร้อยละตัวชี้วัดที่ถึงเกณฑ์"), 16, True),
        Column(_("ร้อยละหน่วยงานที่แผนครอบคลุมทุกมิติ"), 18, True),
        Column(_("คะแนนเฉลี่ยรอบที่ ๑"), 14, True),
        Column(_("คะแนนเฉลี่ยทั้งปี"), 14, True),
        Column(_("ที่มาของคะแนน"), 26),
    ]
    rows = [
        [
            str(year.fiscal_year),
            len(year.unit_ids),
            year.pairs_due,
            year.on_time_percent,
            year.attendance_percent,
            year.kpi_percent,
            year.coverage_percent(all_dims),
            year.scores.mean(year.scores.round1.values()),
            year.scores.mean(year.scores.year.values()),
            score_source(year.scores),
        ]
        for year in figures.years
    ]
    notes = [_("ร้อยละส่งตรงเวลานับเฉพาะขั้นตอนที่ส่งแล้วหรือเลยกำหนดส่งแล้ว (ขั้นที่ ๑, ๓, ๔, ๕)")]
    return Table("years", _("เปรียบเทียบรายปีงบประมาณ"), columns, rows, notes)

"""(Re)build the Word templates of the forms: `python -m pmqa4.documents.word_templates.build`.

The templates are generated once and kept in the repository; word.py fills them with docxtpl.
Each Jinja tag sits whole in one run, so docxtpl reads it however Word would split the text.
Fixed text that contains numbers goes through `|num`, so a document asked for in Arabic
numerals prints 1.1 where the template reads ๑.๑.
"""

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from . import layout as L

HERE = Path(__file__).resolve().parent
CENTER = WD_ALIGN_PARAGRAPH.CENTER
FORM_HEADER = "แบบฟอร์มหมายเลข {{ '%s'|num }}"
UNIT_LINE = "หน่วยงาน {{ unit_name|dots }}"
DATE_DOTS = "........../........../.........."
ROSTER_FIELDS = ("full_name", "position", "role", "phone", "email")


def v(expression: str) -> str:
    """A Jinja output tag: v("sheet.name") is {{ sheet.name }}."""
    return "{{ " + expression + " }}"


def _title_and_unit(doc, *, page_break=False, unit=True):
    title = L.paragraph(doc, "{{ title }}", style=L.TITLE)
    if page_break:
        L.page_break_before(title)
    if unit:
        L.paragraph(doc, UNIT_LINE, style=L.UNIT)


def _signature(doc, *, keep_with_notes=False):
    """ผู้บริหารหน่วยงานลงนาม: the executive's name, position and date once signed off."""
    L.paragraph(doc, "", style=L.SIGNATURE)
    L.paragraph(doc, "ผู้บริหารหน่วยงานลงนาม " + "." * 30, style=L.SIGNATURE)
    L.paragraph(doc, "({{ signature.name|dots }})", style=L.SIGNATURE)
    L.paragraph(doc, "ตำแหน่ง {{ signature.position|dots }}", style=L.SIGNATURE)
    last = L.paragraph(doc, "วันที่ " + v(f"signature.date|dots('{DATE_DOTS}')"), style=L.SIGNATURE)
    last.paragraph_format.keep_with_next = keep_with_notes


def _heading_row(t, text):
    """A dimension's row: one cell across the whole table."""
    row = t.add_row()
    cell = row.cells[0].merge(row.cells[-1])
    p = L.write(cell, text, style=L.CELL)
    L.bold(p.runs[0])
    p.paragraph_format.keep_with_next = True  # never the last row of a page
    L.keep_row_whole(row)


def _field(doc, label, value=None):
    """`๑. มิติเป้าหมายการพัฒนา:` in bold, then the value on the same line."""
    runs = [label] if value is None else [label + " ", value]
    p = L.paragraph(doc, *runs, bold_first=True)
    p.paragraph_format.space_before = Pt(4)
    if value is None:
        p.paragraph_format.keep_with_next = True
    return p


def form1():
    doc = L.new_document(landscape=True, header=FORM_HEADER % "๑")
    _title_and_unit(doc)
    L.paragraph(doc, "{{ explanation }}", style=L.VALUE).paragraph_format.left_indent = 0
    L.paragraph(doc, "")
    t = L.table(doc, [10.6, 2.2, 2.2, 2.2, 8.0], rows=2)
    top, sub = t.rows[0].cells, t.rows[1].cells
    L.write(top[0].merge(sub[0]), "ชื่อแผนงาน/โครงการ/กิจกรรม", L.CELL_HEAD)
    L.write(top[1].merge(top[3]), "ปีงบประมาณที่ดำเนินการ", L.CELL_HEAD)
    L.write(top[4].merge(sub[4]), "ตัวชี้วัด", L.CELL_HEAD)
    for n in range(3):
        L.write(sub[n + 1], v(f"years[{n}]"), L.CELL_HEAD)
    L.header_rows(t, 2)
    L.control_row(t, "{%tr for heading, rows in sections %}")
    _heading_row(t, "{{ heading.text }}")
    L.control_row(t, "{%tr for row in rows %}")
    row = t.add_row().cells
    L.write(row[0], "{{ row.label }} {{ row.name }}")
    for n in range(3):
        L.write(row[n + 1], v(f"'✓' if row.runs[{n}] else ''"), align=CENTER)
    L.write(row[4], "{{ row.kpis|lines }}")
    L.control_row(t, "{%tr endfor %}")
    L.control_row(t, "{%tr endfor %}")
    _signature(doc)
    return doc


def form2():
    doc = L.new_document(landscape=True, header=FORM_HEADER % "๒")
    _title_and_unit(doc)
    L.paragraph(doc, "")
    widths = [5.4] + [1.1] * 12 + [4.2, 2.4]
    t = L.table(doc, widths, rows=2)
    top, sub = t.rows[0].cells, t.rows[1].cells
    L.write(top[0].merge(sub[0]), "แผนงาน/โครงการ/กิจกรรม/ขั้นตอน", L.CELL_HEAD)
    L.write(top[1].merge(top[12]), "ปีงบประมาณ พ.ศ. {{ year }}", L.CELL_HEAD)
    L.write(top[13].merge(sub[13]), "ตัวชี้วัด", L.CELL_HEAD_SMALL)
    L.write(top[14].merge(sub[14]), "กลุ่มงาน/ผู้รับผิดชอบ", L.CELL_HEAD_SMALL)
    for n in range(12):
        L.write(sub[n + 1], v(f"month_labels[{n}]"), L.CELL_MONTH)
    L.header_rows(t, 2)
    L.control_row(t, "{%tr for heading, rows in sections %}")
    _heading_row(t, "{{ heading.text }} {{ heading.categories }}")
    L.control_row(t, "{%tr for a in rows %}")
    _month_row(t, "{{ a.label }} {{ a.name }}", "a", 0, "{{ a.kpis|lines }}", "{{ a.responsible }}")
    L.control_row(t, "{%tr for s in a.steps %}")
    _month_row(t, "{{ s.label }}) {{ s.name }}", "s", 0.6, "", "")
    L.control_row(t, "{%tr endfor %}")
    L.control_row(t, "{%tr endfor %}")
    L.control_row(t, "{%tr endfor %}")
    _signature(doc)
    return doc


def _month_row(t, name, var, indent, kpis, responsible):
    """An activity's or a step's row: each running month shaded and marked (for black-and-white)."""
    cells = t.add_row().cells
    L.write(cells[0], name, L.CELL_SMALL, indent_cm=indent or None)
    for month in range(1, 13):
        # docxtpl's cellbg tag: the cell's w:shd fill, kept as text so Word edits it safely.
        tag = "{% cellbg " + f"shade({var}.months, {month})" + " %}"
        L.write(cells[month], tag + v(f"mark({var}.months, {month})"), L.CELL_SMALL, CENTER)
    L.write(cells[13], kpis, L.CELL_SMALL)
    L.write(cells[14], responsible, L.CELL_SMALL)


def _contact_table(doc, who, var):
    t = L.table(doc, [5.6, 3.7, 7.2], rows=2)
    for cell, text in zip(t.rows[0].cells, [f"ชื่อ{who}", "โทรศัพท์", "E-mail"], strict=True):
        L.write(cell, text, L.CELL_HEAD)
    values = [v(f"{var}.name"), v(f"{var}.phone"), v(f"{var}.email")]
    for cell, text in zip(t.rows[1].cells, values, strict=True):
        L.write(cell, text)
    L.header_rows(t, 1)


def _form3_sheet(doc):
    """One KPI's sheet: the ten numbered fields of FORMS.md, the target box after field 3."""
    _field(doc, "{{ '๑.'|num }} มิติเป้าหมายการพัฒนา:", "{{ sheet.dimension|dots }}")
    _field(doc, "{{ '๒.'|num }} ชื่อตัวชี้วัด:", "{{ sheet.name|dots }}")
    _field(doc, "{{ '๓.'|num }} หน่วยวัด:", "{{ sheet.unit_of_measure|dots }}")
    L.paragraph(doc, "", style=L.TINY)
    box = L.table(doc, [L.PORTRAIT_WIDTH], rows=1)
    L.shade(box.rows[0].cells[0], "F2F2F2")
    p = L.write(box.rows[0].cells[0], "")
    short_dots = "." * 20
    target = v(f"sheet.target|dots('{short_dots}')")
    target += v("(' ' ~ sheet.unit_of_measure) if sheet.target else ''")
    for text, bold in (
        ("ค่าเป้าหมาย: ", True),
        (target, False),
        ("    ทิศทาง: ", True),
        ("{{ sheet.direction|dots }}", False),
    ):
        L.bold(p.add_run(text), bold)
    _field(doc, "{{ '๔.'|num }} วิธีคำนวณตัวชี้วัด:", "{{ sheet.calculation|dots }}")
    _field(doc, "{{ '๕.'|num }} คำอธิบาย/นิยามศัพท์:", "{{ sheet.definition|dots }}")
    _field(doc, "{{ '๖.'|num }} ข้อมูลพื้นฐานประกอบตัวชี้วัด:")
    t = L.table(doc, [6.1, 2.6, 2.6, 2.6, 2.6], rows=3)
    top, sub, data = (r.cells for r in t.rows)
    L.write(top[0].merge(sub[0]), "ตัวชี้วัด", L.CELL_HEAD)
    L.write(top[1].merge(sub[1]), "หน่วยวัด", L.CELL_HEAD)
    L.write(top[2].merge(top[4]), "ผลการดำเนินงานในอดีต ปีงบประมาณ พ.ศ.", L.CELL_HEAD)
    L.write(data[0], "{{ sheet.name }}")
    L.write(data[1], "{{ sheet.unit_of_measure }}", align=CENTER)
    for n in range(3):
        L.write(sub[n + 2], v(f"sheet.baseline_years[{n}]"), L.CELL_HEAD)
        L.write(data[n + 2], v(f"sheet.baselines[{n}]"), align=CENTER)
    L.header_rows(t, 2)
    _field(doc, "{{ '๗.'|num }} รายละเอียดการดำเนินงาน:")
    t = L.table(doc, [2.2, 7.8, 6.5], rows=1)
    heads = ["ขั้นตอนที่", "รายละเอียดการดำเนินงาน", "เอกสารประกอบการประเมิน/การรายงานผล"]
    for cell, text in zip(t.rows[0].cells, heads, strict=True):
        L.write(cell, text, L.CELL_HEAD)
    L.header_rows(t, 1)
    L.control_row(t, "{%tr for step in sheet.steps %}")
    cells = t.add_row().cells
    L.write(cells[0], "{{ step[0] }}", align=CENTER)
    L.write(cells[1], "{{ step[1] }}")
    L.write(cells[2], "{{ step[2] }}")
    L.control_row(t, "{%tr endfor %}")
    L.control_row(t, "{%tr if not sheet.steps %}")
    t.add_row()
    L.control_row(t, "{%tr endif %}")
    _field(doc, "{{ '๘.'|num }} แหล่งข้อมูล/วิธีการจัดเก็บข้อมูล:")
    for label, var in (
        ("วิธีการจัดเก็บข้อมูล:", "collection_method"),
        ("ความถี่การจัดเก็บข้อมูล:", "collection_frequency"),
        ("แหล่งข้อมูล:", "data_source"),
    ):
        L.paragraph(doc, label + " ", v(f"sheet.{var}|dots"), style=L.VALUE)
    _field(doc, "{{ '๙.'|num }} ผู้กำกับตัวชี้วัด:")
    _contact_table(doc, "ผู้กำกับตัวชี้วัด", "sheet.supervisor")
    _field(doc, "{{ '๑๐.'|num }} ผู้จัดเก็บข้อมูล:")
    _contact_table(doc, "ผู้จัดเก็บข้อมูล", "sheet.collector")


def form3():
    doc = L.new_document(landscape=False, header=FORM_HEADER % "๓")
    L.paragraph(doc, "{%p for sheet in sheets %}")
    L.paragraph(doc, "{%p if loop.first %}")
    _title_and_unit(doc, unit=False)
    L.paragraph(doc, "{%p else %}")
    _title_and_unit(doc, page_break=True, unit=False)
    L.paragraph(doc, "{%p endif %}")
    L.paragraph(doc, UNIT_LINE, style=L.UNIT)
    _form3_sheet(doc)
    L.paragraph(doc, "{%p endfor %}")
    L.paragraph(doc, "{%p if not sheets %}")
    _title_and_unit(doc)
    L.paragraph(doc, "ยังไม่มีตัวชี้วัดที่จัดทำรายละเอียดตัวชี้วัด", style=L.UNIT)
    L.paragraph(doc, "{%p endif %}")
    L.paragraph(doc, "", style=L.TINY)
    return doc


def _form4_report(doc):
    _field(doc, "{{ '๑.'|num }} แผนงาน/โครงการ/กิจกรรม", "{{ r.label }} {{ r.name|dots }}")
    _field(doc, "{{ '๒.'|num }} วัตถุประสงค์", "{{ r.objective|dots }}")
    _field(doc, "{{ '๓.'|num }} ผลการดำเนินงาน")
    parts = (
        (
            "{{ '๓.๑'|num }} ผลการดำเนินงานตามแผนงานการปรับปรุงเพื่อพัฒนาหน่วยงานสู่ระบบราชการ "
            "{{ '๔.๐'|num }} (อธิบายให้ทราบว่าผลการดำเนินงานส่งผลต่อเป้าหมายการพัฒนาของระบบราชการ "
            "{{ '๔.๐'|num }} อย่างไร)",
            "result_gov40",
        ),
        (
            "{{ '๓.๒'|num }} ผลการดำเนินงานตามตัวชี้วัด (อธิบายผลการดำเนินงานตามตัวชี้วัดที่หน่วยงานกำหนด)",
            "result_kpis",
        ),
        (
            "{{ '๓.๓'|num }} ผลการดำเนินงานซึ่งส่งผลกระทบต่อผู้รับบริการ/ผู้มีส่วนได้ส่วนเสีย "
            "(อธิบายให้ทราบว่าผลการดำเนินงานส่งผลกระทบต่อผู้รับบริการ/ผู้มีส่วนได้ส่วนเสีย"
            "ของกระบวนการ/บริการนั้น ๆ อย่างไร)",
            "result_stakeholders",
        ),
    )
    for heading, var in parts:
        p = L.paragraph(doc, heading, style=L.VALUE)
        p.paragraph_format.keep_with_next = True
        if var == "result_kpis":
            _form4_kpis(doc)
        value = L.paragraph(doc, v(f"r.{var}|dots"), style=L.VALUE)
        value.paragraph_format.left_indent = Cm(1.75)
    _field(doc, "{{ '๔.'|num }} ปัญหา/อุปสรรคในการดำเนินงาน", "{{ r.problems|dots }}")
    _field(doc, "{{ '๕.'|num }} แนวทางการป้องกันและแก้ไขปัญหา")
    L.paragraph(
        doc, "{{ '๕.๑'|num }} การดำเนินการโดยหน่วยงาน ", "{{ r.remedy_by_unit|dots }}", style=L.VALUE
    )
    L.paragraph(doc, "{{ '๕.๒'|num }} ข้อเสนอต่อผู้บริหาร ", "{{ r.proposals|dots }}", style=L.VALUE)
    _field(doc, "{{ '๖.'|num }} ปัจจัยความสำเร็จของการดำเนินงาน", "{{ r.success_factors|dots }}")


def _form4_kpis(doc):
    """The activity's KPIs with their target, latest actual and achievement (step 5's figures)."""
    t = L.table(doc, [8.1, 2.8, 2.8, 2.8], rows=1)
    heads = ["ตัวชี้วัด", "ค่าเป้าหมาย", "ผลการดำเนินงาน", "ร้อยละความสำเร็จ"]
    for cell, text in zip(t.rows[0].cells, heads, strict=True):
        L.write(cell, text, L.CELL_HEAD_SMALL)
    L.header_rows(t, 1)
    L.control_row(t, "{%tr for k in r.kpis %}")
    cells = t.add_row().cells
    L.write(cells[0], "{{ k.name }}")
    for cell, var in zip(cells[1:], ("target", "actual", "achievement"), strict=True):
        L.write(cell, v(f"k.{var}"), align=CENTER)
    L.control_row(t, "{%tr endfor %}")
    L.control_row(t, "{%tr if not r.kpis %}")
    t.add_row()
    L.control_row(t, "{%tr endif %}")


def form4():
    doc = L.new_document(landscape=False, header=FORM_HEADER % "๔")
    L.paragraph(doc, "{%p for r in reports %}")
    L.paragraph(doc, "{%p if loop.first %}")
    _title_and_unit(doc)
    L.paragraph(doc, "{%p else %}")
    _title_and_unit(doc, page_break=True)
    L.paragraph(doc, "{%p endif %}")
    _form4_report(doc)
    L.paragraph(doc, "{%p endfor %}")
    L.paragraph(doc, "{%p if not reports %}")
    _title_and_unit(doc)
    L.paragraph(doc, "ยังไม่มีแผนงาน/โครงการ/กิจกรรมในแผนปฏิบัติการประจำปี", style=L.UNIT)
    L.paragraph(doc, "{%p endif %}")
    _signature(doc, keep_with_notes=True)
    L.paragraph(doc, "").paragraph_format.keep_with_next = True
    L.paragraph(doc, "หมายเหตุ", style=L.LABEL)
    L.paragraph(doc, "{%p for note in notes %}")
    L.paragraph(
        doc, "{{ note }}"
    ).paragraph_format.keep_with_next = True  # one block with the signature
    L.paragraph(doc, "{%p endfor %}")
    return doc


def roster():
    doc = L.new_document(landscape=False, header=None)
    _title_and_unit(doc)
    L.paragraph(doc, "")
    t = L.table(doc, [1.4, 3.0, 2.8, 2.3, 3.1, 3.9], rows=1)
    heads = ["ลำดับ", "ชื่อ - สกุล", "ตำแหน่ง", "บทบาทในคณะทำงาน", "โทรศัพท์", "E-mail"]
    for cell, text in zip(t.rows[0].cells, heads, strict=True):
        L.write(cell, text, L.CELL_HEAD_SMALL)
    L.header_rows(t, 1)
    L.control_row(t, "{%tr for m in members %}")
    cells = t.add_row().cells
    L.write(cells[0], "{{ m.order }}", align=CENTER)
    for cell, var in zip(cells[1:], ROSTER_FIELDS, strict=True):
        L.write(cell, v(f"m.{var}"), L.CELL_SMALL)
    L.control_row(t, "{%tr endfor %}")
    L.control_row(t, "{%tr if not members %}")
    t.add_row()
    L.control_row(t, "{%tr endif %}")
    L.paragraph(doc, "", style=L.TINY)
    return doc


def score():
    doc = L.new_document(landscape=False, header=None)
    _title_and_unit(doc)
    L.paragraph(doc, "คำนวณ ณ วันที่ {{ as_of|dots }}", style=L.UNIT)
    L.paragraph(doc, "")
    t = L.table(doc, [11.0, 5.5], rows=2)
    totals = (
        ("{{ 'รอบการประเมินที่ ๑ (ขั้นตอนที่ ๑–๓)'|num }}", "{{ round1 }} / {{ '๓.๐๐'|num }}"),
        ("{{ 'ทั้งปี (ขั้นตอนที่ ๑–๕)'|num }}", "{{ year_score }} / {{ '๕.๐๐'|num }}"),
    )
    for row, (label, value) in zip(t.rows, totals, strict=True):
        L.bold(L.write(row.cells[0], label).runs[0])
        L.bold(L.write(row.cells[1], value, align=CENTER).runs[0])
    L.paragraph(doc, "")
    t = L.table(doc, [7.5, 2.0, 7.0], rows=1)
    for cell, text in zip(t.rows[0].cells, ["ขั้นตอน", "คะแนน", "การหักคะแนนและเหตุผล"], strict=True):
        L.write(cell, text, L.CELL_HEAD)
    L.header_rows(t, 1)
    L.control_row(t, "{%tr for step in steps %}")
    cells = t.add_row().cells
    L.write(cells[0], "{{ step.label }}")
    L.write(cells[1], "{{ step.points }}", align=CENTER)
    L.write(cells[2], "{{ remark(step) }}")
    L.control_row(t, "{%tr for d in step.deductions %}")
    cells = t.add_row().cells
    L.write(cells[0], "หักคะแนน: {{ d.rule }}", L.CELL_SMALL, indent_cm=0.6)
    L.write(cells[1], "−{{ d.amount }}", L.CELL_SMALL, align=CENTER)
    L.write(cells[2], "{{ d.reason }}", L.CELL_SMALL)
    L.control_row(t, "{%tr endfor %}")
    L.control_row(t, "{%tr endfor %}")
    L.paragraph(doc, "", style=L.TINY)
    return doc


BUILDERS = {"1": form1, "2": form2, "3": form3, "4": form4, "roster": roster, "score": score}


def template_path(kind: str, folder: Path = HERE) -> Path:
    """form1.docx … form4.docx, roster.docx, score.docx."""
    return folder / (f"form{kind}.docx" if kind.isdigit() else f"{kind}.docx")


def build(kinds=None, folder: Path = HERE) -> list[Path]:
    """Write the templates of the given kinds (all by default); returns their paths."""
    paths = []
    for kind in kinds or list(BUILDERS):
        if kind not in BUILDERS:
            raise SystemExit(f"unknown kind {kind!r}: choose from {', '.join(BUILDERS)}")
        path = template_path(kind, folder)
        L.save(BUILDERS[kind](), path, "{{ title }}")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    for path in build(argv):
        print(path)


if __name__ == "__main__":
    main(sys.argv[1:])

"""The ministry summary as PDF (WeasyPrint) and Word (python-docx), from one printed layout."""

import base64
import io
from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation

from .printing import Printer
from .summary import Summary
from .weasy import FONTS, write_pdf

WORD_FONT = "TH Sarabun New"


@dataclass(frozen=True)
class Section:
    title: str
    chart: str  # key of summary_charts.charts()
    lines: list[str]
    table_head: list[str]
    table: list[list[str]]
    numeric: tuple[int, ...] = ()  # columns printed centred: numbers

    def cells(self):
        """Each table row as (text, is numeric) pairs, for the PDF template."""
        return [[(text, i in self.numeric) for i, text in enumerate(row)] for row in self.table]


def _voices(printer: Printer, grouped, names: dict[int, str]) -> list[list[str]]:
    rows = []
    for number, voices in grouped.items():
        for index, voice in enumerate(voices, start=1):
            units = ", ".join(voice.units)
            rows.append(
                [
                    printer.text(f"{number}.{index}"),
                    names.get(number, ""),
                    voice.text,
                    printer.text(f"({len(voice.units)} หน่วยงาน) ") + units,
                ]
            )
    return rows


def layout(summary: Summary, printer: Printer) -> dict:
    """Every line and table of the summary, printed in the chosen numerals."""
    n = printer.number
    names = {number: name for number, name, _c in summary.dimensions}
    scored = len(summary.rows)
    coverage = summary.dimension_coverage()
    category_map = {
        number: tuple(int(c) for c in cats.split(",") if c)
        for number, _name, cats in summary.dimensions
    }
    low_attendance = [
        r
        for r in summary.rows
        if r.attendance is not None and r.attendance < summary.attendance_threshold
    ]
    sections = [
        Section(
            "๑. ผลคะแนนของหน่วยงาน",
            "scores",
            [
                printer.text(
                    f"หน่วยงานที่ได้รับการประเมิน {scored} หน่วยงาน "
                    f"คะแนนเฉลี่ยรอบที่ 1 {summary.mean('round1') or '-'} จาก 3.00 คะแนน "
                    f"และคะแนนเฉลี่ยทั้งปี {summary.mean('year') or '-'} จาก 5.00 คะแนน"
                )
            ],
            ["ลำดับ", "หน่วยงาน", "ประเภท", "รอบที่ ๑", "ทั้งปี"],
            [
                [
                    printer.text(i),
                    r.name,
                    r.kind,
                    printer.score(r.round1),
                    printer.score(r.year) or "-",
                ]
                for i, r in enumerate(summary.rows, start=1)
            ],
            numeric=(0, 3, 4),
        ),
        Section(
            "๒. ความครอบคลุมมิติและหมวดของเกณฑ์ PMQA ๔.๐",
            "coverage",
            [
                printer.text(f"หมวด {category}: {count} หน่วยงาน")
                for category, count in summary.category_coverage(category_map).items()
            ],
            ["มิติ", "หมวดที่เกี่ยวข้อง", "จำนวนหน่วยงาน", "ร้อยละ"],
            [
                [
                    printer.text(f"{number}. {name}"),
                    printer.text(cats),
                    printer.text(coverage[number]),
                    printer.percent(Decimal(coverage[number] * 100) / scored if scored else None),
                ]
                for number, name, cats in summary.dimensions
            ],
            numeric=(1, 2, 3),
        ),
        Section(
            "๓. ผลสำเร็จของตัวชี้วัด",
            "kpis",
            [
                printer.text(
                    f"ตัวชี้วัดที่รายงานผล {len(summary.kpi_achievements)} ตัวชี้วัด "
                    f"ถึงเกณฑ์ร้อยละ {n(summary.kpi_threshold)} ของค่าเป้าหมาย "
                    f"{summary.kpis_reaching()} ตัวชี้วัด"
                )
            ],
            [],
            [],
        ),
        Section(
            "๔. การเข้าร่วมกิจกรรมและการประชุม",
            "attendance",
            [
                printer.text(
                    f"หน่วยงานที่เข้าร่วมถึงเกณฑ์ร้อยละ {n(summary.attendance_threshold)} "
                    f"{summary.attendance_reaching()} หน่วยงาน"
                )
            ],
            ["หน่วยงานที่เข้าร่วมต่ำกว่าเกณฑ์", "ร้อยละการเข้าร่วม"] if low_attendance else [],
            [[r.name, printer.percent(r.attendance)] for r in low_attendance],
            numeric=(1,),
        ),
    ]
    voice_head = ["ข้อ", "มิติ", "ข้อความ", "หน่วยงานที่รายงาน"]
    return {
        "title": summary.title,
        "printed_on": summary.printed_on,
        "sections": sections,
        "voices": [
            ("๕. ปัญหา/อุปสรรคในการดำเนินงาน", voice_head, _voices(printer, summary.problems, names)),
            ("๖. ข้อเสนอต่อผู้บริหาร", voice_head, _voices(printer, summary.proposals, names)),
        ],
    }


def summary_pdf(summary: Summary, printer: Printer) -> bytes:
    from .summary_charts import charts

    images = charts(summary, printer)
    printed = layout(summary, printer)
    printed["sections"] = [
        (part, "data:image/png;base64," + base64.b64encode(images[part.chart]).decode())
        for part in printed["sections"]
    ]
    with translation.override("th"):
        html = render_to_string(
            "documents/summary/summary.html", {**printed, "fonts": FONTS.as_uri()}
        )
    return write_pdf(html)


def summary_docx(summary: Summary, printer: Printer) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = Cm(2.5)
    section.right_margin = section.top_margin = section.bottom_margin = Cm(2)
    normal = document.styles["Normal"]
    normal.font.name = WORD_FONT
    normal.font.size = Pt(16)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), WORD_FONT)
    size_cs = normal.element.get_or_add_rPr().find(qn("w:szCs"))
    if size_cs is None:
        size_cs = normal.element.get_or_add_rPr().makeelement(qn("w:szCs"), {})
        normal.element.get_or_add_rPr().append(size_cs)
    size_cs.set(qn("w:val"), "32")

    def paragraph(text, *, bold=False, size=16, align=None):
        p = document.add_paragraph()
        run = p.add_run(text)
        run.bold = bold
        run.font.size = Pt(size)
        run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), WORD_FONT)
        if bold:
            run.element.get_or_add_rPr().append(run.element.makeelement(qn("w:bCs"), {}))
        if align:
            p.alignment = align
        return p

    def table(head, rows):
        grid = document.add_table(rows=1, cols=len(head))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(grid.rows[0].cells, head, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
        grid.rows[0]._tr.get_or_add_trPr().append(
            grid.rows[0]._tr.makeelement(qn("w:tblHeader"), {})
        )
        for values in rows:
            for cell, text in zip(grid.add_row().cells, values, strict=True):
                cell.text = text

    from .summary_charts import charts

    printed = layout(summary, printer)
    images = charts(summary, printer)
    paragraph(printed["title"], bold=True, size=18, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(f"ณ วันที่ {printed['printed_on']}", align=WD_ALIGN_PARAGRAPH.CENTER)
    for part in printed["sections"]:
        paragraph(part.title, bold=True)
        for line in part.lines:
            paragraph(line)
        document.add_picture(io.BytesIO(images[part.chart]), width=Cm(16))
        if part.table:
            table(part.table_head, part.table)
    for title, head, rows in printed["voices"]:
        paragraph(title, bold=True)
        if rows:
            table(head, rows)
        else:
            paragraph("ไม่มีหน่วยงานรายงาน")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

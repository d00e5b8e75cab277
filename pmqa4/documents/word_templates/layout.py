"""The look shared by every Word template: A4 page, TH Sarabun New styles, bordered tables.

Only python-docx and raw WordprocessingML: the templates are built once by build.py and kept in
the repository, so nothing here runs when a document is rendered. Thai is complex script in
Word, so every font and size is set twice (ascii/hAnsi and cs, sz and szCs) and the language is
marked th-TH; otherwise Word would draw Thai text in its fallback face and size.
"""

import datetime as dt
import io
import zipfile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "TH Sarabun New"
BODY_PT = 16
TITLE_PT = 18
SMALL_PT = 14
MONTH_PT = 12  # ต.ค. … ก.ย.: twelve month columns share a landscape page with the plan's text
DOTS = "." * 40
A4 = (Cm(21.0), Cm(29.7))
MARGIN_LEFT = Cm(2.5)
MARGIN = Cm(2.0)
LANDSCAPE_WIDTH = 29.7 - 2.5 - 2.0  # cm of text across an A4 landscape page
PORTRAIT_WIDTH = 21.0 - 2.5 - 2.0
SIGNATURE_WIDTH = 12.0  # cm: ผู้บริหารหน่วยงานลงนาม and its dots on one line
SHADE = "BFBFBF"  # a running month: grey that still shows a black mark in black-and-white

# The styles the templates use; an administrator restyles a form by changing these in Word.
TITLE = "PMQA Title"
UNIT = "PMQA Unit"
LABEL = "PMQA Label"
VALUE = "PMQA Value"
SIGNATURE = "PMQA Signature"
CELL = "PMQA Cell"
CELL_SMALL = "PMQA Cell Small"
CELL_HEAD = "PMQA Cell Heading"
CELL_HEAD_SMALL = "PMQA Cell Heading Small"
CELL_MONTH = "PMQA Cell Month"
TABLE = "PMQA Table"
TINY = "PMQA Tiny"

# Schema order of the children of w:rPr and w:trPr (Word refuses elements out of order).
RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
    "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
]  # fmt: skip
TRPR_ORDER = ["cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
              "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden"]  # fmt: skip


def _child(parent, tag: str, order: list[str]):
    """parent's w:tag child, created in its schema position when missing."""
    found = parent.find(qn(f"w:{tag}"))
    if found is not None:
        return found
    element = OxmlElement(f"w:{tag}")
    rank = order.index(tag)
    for index, existing in enumerate(parent):
        name = existing.tag.rsplit("}", 1)[-1]
        if name in order and order.index(name) > rank:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


def thai_run_properties(rpr, size_pt: float | None = None, bold: bool | None = None) -> None:
    """TH Sarabun New for Latin and complex script, the size in sz and szCs, Thai language."""
    fonts = _child(rpr, "rFonts", RPR_ORDER)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT)
    if bold is not None:
        for tag in ("b", "bCs"):
            _child(rpr, tag, RPR_ORDER).set(qn("w:val"), "1" if bold else "0")
    if size_pt is not None:
        for tag in ("sz", "szCs"):
            _child(rpr, tag, RPR_ORDER).set(qn("w:val"), str(int(size_pt * 2)))
    lang = _child(rpr, "lang", RPR_ORDER)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "th-TH")
    lang.set(qn("w:bidi"), "th-TH")


def _paragraph_style(doc, name, size_pt, *, bold=False, align=None, base="Normal"):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    thai_run_properties(style.element.get_or_add_rPr(), size_pt, bold)
    style.paragraph_format.space_after = Pt(0)
    if align is not None:
        style.paragraph_format.alignment = align
    return style


def _table_style(doc) -> None:
    """Single black borders, narrow cell margins (twelve month columns fit on a landscape page)."""
    style = doc.styles.add_style(TABLE, WD_STYLE_TYPE.TABLE)
    style.base_style = doc.styles["Normal Table"]
    element = style.element
    ppr = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    ppr.append(spacing)
    rpr = OxmlElement("w:rPr")
    thai_run_properties(rpr, BODY_PT)
    tblpr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
            border.set(qn(f"w:{key}"), value)
        borders.append(border)
    tblpr.append(borders)
    tblpr.append(_cell_margins())
    element.append(ppr)
    element.append(rpr)
    element.append(tblpr)


def _cell_margins():
    """0.1 cm either side of a cell's text (Word's default is 0.19 cm)."""
    margins = OxmlElement("w:tblCellMar")
    for edge, width in (("top", 0), ("left", 57), ("bottom", 0), ("right", 57)):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(width))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    return margins


def _trim_styles(doc) -> None:
    """Drop python-docx's sample table styles so Word's style list shows the form's own."""
    keep = {"Normal Table", "Table Grid"}
    root = doc.styles.element
    for style in list(root.findall(qn("w:style"))):
        if style.get(qn("w:type")) == "table":
            name = style.find(qn("w:name"))
            if name is not None and name.get(qn("w:val")) not in keep:
                root.remove(style)


def _trim_parts(doc) -> None:
    """Drop python-docx's leftovers that a form does not use: a 440 kB stylesWithEffects part
    (slow to read and zip on every render), its sample customXml and a thumbnail of another
    document."""
    unused = ("/stylesWithEffects", "/customXml", "/thumbnail")
    for rels in (doc.part.rels, doc.part.package.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith(unused):
                del rels[rid]


def new_document(*, landscape: bool, header: str | None):
    """An A4 document with the Thai styles and, on every page, the form number top right."""
    doc = Document()
    _trim_parts(doc)
    _trim_styles(doc)
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    thai_run_properties(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")), BODY_PT)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    normal = doc.styles["Normal"]
    thai_run_properties(normal.element.get_or_add_rPr(), BODY_PT)
    normal.paragraph_format.space_after = Pt(0)
    _paragraph_style(doc, TITLE, TITLE_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph_style(doc, UNIT, BODY_PT, align=WD_ALIGN_PARAGRAPH.CENTER)
    label = _paragraph_style(doc, LABEL, BODY_PT, bold=True)
    label.paragraph_format.space_before = Pt(6)
    label.paragraph_format.keep_with_next = True
    value = _paragraph_style(doc, VALUE, BODY_PT)
    value.paragraph_format.left_indent = Cm(1)
    value.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.THAI_JUSTIFY
    _paragraph_style(doc, CELL, BODY_PT)
    _paragraph_style(doc, CELL_SMALL, SMALL_PT)
    _paragraph_style(doc, CELL_HEAD, BODY_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph_style(doc, CELL_HEAD_SMALL, SMALL_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph_style(doc, CELL_MONTH, MONTH_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    signature = _paragraph_style(doc, SIGNATURE, BODY_PT, align=WD_ALIGN_PARAGRAPH.CENTER)
    signature.paragraph_format.keep_with_next = True
    tiny = _paragraph_style(doc, TINY, 1)
    tiny.paragraph_format.line_spacing = Pt(1)
    _table_style(doc)

    section = doc.sections[0]
    width, height = A4
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    section.left_margin = MARGIN_LEFT
    section.right_margin = section.top_margin = section.bottom_margin = MARGIN
    section.header_distance = section.footer_distance = Cm(1)
    # The signature block sits at the right of the page, its lines centred on each other.
    text_width = LANDSCAPE_WIDTH if landscape else PORTRAIT_WIDTH
    signature.paragraph_format.left_indent = Cm(text_width - SIGNATURE_WIDTH)
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if header:
        paragraph.add_run(header)
    return doc


def paragraph(doc_or_cell, *runs, style=None, bold_first=False):
    """A paragraph of runs; each run holds whole Jinja tags, so docxtpl sees them intact."""
    p = doc_or_cell.add_paragraph(style=style)
    for index, text in enumerate(runs):
        run = p.add_run(text)
        if bold_first and index == 0:
            bold(run)
    return p


def bold(run, on: bool = True):
    """Bold for Latin (w:b) and for Thai, which Word draws from the complex-script w:bCs."""
    rpr = run._r.get_or_add_rPr()
    for tag in ("b", "bCs"):
        _child(rpr, tag, RPR_ORDER).set(qn("w:val"), "1" if on else "0")
    return run


def page_break_before(p) -> None:
    p.paragraph_format.page_break_before = True


def table(doc, widths_cm: list[float], rows: int):
    """A fixed-layout table of the given column widths with the form's table style."""
    t = doc.add_table(rows=rows, cols=len(widths_cm))
    t.style = doc.styles[TABLE]
    t.autofit = False  # w:tblLayout fixed: Word keeps the form's column widths
    # The margins again on the table itself: LibreOffice reads them only there.
    t._tbl.tblPr.find(qn("w:tblLook")).addprevious(_cell_margins())
    for col, width in zip(t.columns, widths_cm, strict=True):
        col.width = Cm(width)
    for row in t.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    return t


def header_rows(t, count: int) -> None:
    """The first rows repeat at the top of every page and centre their text vertically."""
    for row in t.rows[:count]:
        trpr = row._tr.get_or_add_trPr()
        _child(trpr, "cantSplit", TRPR_ORDER)
        _child(trpr, "tblHeader", TRPR_ORDER)
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def keep_row_whole(row) -> None:
    _child(row._tr.get_or_add_trPr(), "cantSplit", TRPR_ORDER)


def write(cell, text: str, style=CELL, align=None, indent_cm: float | None = None):
    """Replace a cell's text with one run (a Jinja tag or a fixed heading)."""
    p = cell.paragraphs[0]
    p.style = style
    if align is not None:
        p.alignment = align
    if indent_cm is not None:
        p.paragraph_format.left_indent = Cm(indent_cm)
    if text:
        p.add_run(text)
    return p


def shade(cell, fill: str) -> None:
    """Cell shading (w:shd) in schema order; fill may be a Jinja expression."""
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    after = [qn(f"w:{t}") for t in ("noWrap", "tcMar", "textDirection", "tcFitText", "vAlign")]
    for index, child in enumerate(tcpr):
        if child.tag in after:
            tcpr.insert(index, shd)
            return
    tcpr.append(shd)


def control_row(t, tag: str):
    """A row holding only a {%tr %} tag: docxtpl replaces the whole row by the tag."""
    row = t.add_row()
    write(row.cells[0], tag)
    return row


FIXED_TIME = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def save(doc, path, title: str) -> None:
    """Save with fixed metadata and zip times: rebuilding an unchanged template changes no byte.

    Every table row is kept whole on its page, so a KPI's name never reads half on each page."""
    for t in doc.tables:
        for row in t.rows:
            keep_row_whole(row)
    props = doc.core_properties
    props.title = title
    props.author = props.last_modified_by = "pmqa4"
    props.comments = ""
    props.created = props.modified = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    path.write_bytes(out.getvalue())

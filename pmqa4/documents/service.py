"""One entry point for every printed document: which kinds each format offers, the file name,
and the dispatch to the Word, PDF and Excel renderers.

The content (content.py) is read once from the database in the chosen numerals and handed to
the renderer of the format, so a form reads the same in every format. The renderers are
imported when first used: rendering a PDF does not load the Word and Excel libraries.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import content
from .printing import ARABIC, THAI, Printer


@dataclass(frozen=True)
class Format:
    ext: str
    label: str
    content_type: str
    icon: str


FORMATS = {
    "docx": Format(
        "docx",
        "Word",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "bi-file-earmark-word",
    ),
    "pdf": Format("pdf", "PDF", "application/pdf", "bi-file-earmark-pdf"),
    "xlsx": Format(
        "xlsx",
        "Excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "bi-file-earmark-excel",
    ),
}

KINDS = ("1", "2", "3", "4", "roster", "score")
KIND_LABELS = {
    "1": gettext_lazy("แบบฟอร์ม ๑ แผนพัฒนาหน่วยงานระยะ ๓ ปี"),
    "2": gettext_lazy("แบบฟอร์ม ๒ แผนปฏิบัติการประจำปี"),
    "3": gettext_lazy("แบบฟอร์ม ๓ รายละเอียดตัวชี้วัด"),
    "4": gettext_lazy("แบบฟอร์ม ๔ รายงานผลการดำเนินงาน"),
    "roster": gettext_lazy("รายชื่อทีมงาน PMQA Team"),
    "score": gettext_lazy("รายงานผลคะแนนตัวชี้วัด"),
}
# What each format prints for a unit; Form 4 and the score report are prose, not spreadsheets.
OFFERED = {
    "docx": KINDS,
    "pdf": KINDS,
    "xlsx": ("1", "2", "3", "roster"),
}
# The empty forms handed out at the briefing: Word to fill in by hand, Excel to import back.
BLANK_OFFERED = {
    "docx": ("1", "2", "3", "4"),
    "xlsx": ("1", "2", "3"),
}
NUMERALS = (THAI, ARABIC)


@dataclass(frozen=True)
class Document:
    filename: str
    content_type: str
    data: bytes


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))


def slug(kind: str) -> str:
    """form1 … form4, roster, score: the kind as it appears in file names and URLs."""
    return f"form{kind}" if kind in ("1", "2", "3", "4") else kind


def kind_of(name: str) -> str | None:
    """The kind a slug names (form1 → "1"), or None."""
    kind = name.removeprefix("form") if name.startswith("form") else name
    return kind if kind in KINDS and slug(kind) == name else None


def filename(unit_code: str, fiscal_year: int, kind: str, fmt: str) -> str:
    """OPS-SPD_2568_form1.docx, OPS-SPD_2568_roster.pdf, OPS-SPD_2568_score.pdf."""
    return f"{unit_code}_{fiscal_year}_{slug(kind)}.{FORMATS[fmt].ext}"


def check(kind: str, fmt: str, offered: dict[str, tuple[str, ...]] = OFFERED) -> None:
    """ValueError with a Thai message for a kind, a format or a pair that is not printed."""
    if fmt not in FORMATS:
        raise ValueError(
            _("ไม่มีรูปแบบไฟล์ “%(fmt)s” (ใช้ได้: %(choices)s)")
            % {"fmt": fmt, "choices": ", ".join(FORMATS)}
        )
    if kind not in KINDS:
        raise ValueError(
            _("ไม่มีเอกสาร “%(kind)s” (ใช้ได้: %(choices)s)")
            % {"kind": kind, "choices": ", ".join(KINDS)}
        )
    if kind not in offered.get(fmt, ()):
        raise ValueError(
            _("%(kind)s ไม่มีรูปแบบ %(format)s (มีเฉพาะ: %(choices)s)")
            % {
                "kind": kind_label(kind),
                "format": FORMATS[fmt].label,
                "choices": ", ".join(FORMATS[f].label for f in offered if kind in offered[f]),
            }
        )


def printer_for(numerals: str) -> Printer:
    if numerals not in NUMERALS:
        raise ValueError(
            _("ตัวเลขต้องเป็น thai (เลขไทย) หรือ arabic (เลขอารบิก) ไม่ใช่ “%(value)s”")
            % {"value": numerals}
        )
    return Printer(numerals)


def render(kind: str, fmt: str, form) -> bytes:
    """The bytes of a form's content in a format, by that format's renderer."""
    if fmt == "docx":
        from .word import render_docx

        return render_docx(kind, form)
    if fmt == "pdf":
        from .pdf import render_pdf

        return render_pdf(kind, form)
    from .excel import render_xlsx

    return render_xlsx(kind, form)


def render_document(unit, cycle, kind: str, fmt: str, numerals: str = THAI) -> Document:
    """A unit's form of a cycle, filled from the database, as a downloadable file."""
    check(kind, fmt)
    printer = printer_for(numerals)
    form = content.BUILDERS[kind](unit, cycle, printer)
    return Document(
        filename=filename(unit.code, cycle.fiscal_year, kind, fmt),
        content_type=FORMATS[fmt].content_type,
        data=render(kind, fmt, form),
    )


def render_blank(cycle, kind: str, fmt: str, numerals: str = THAI) -> Document:
    """An empty form of a cycle (headings and numbered empty rows): blank_2568_form1.docx."""
    check(kind, fmt, BLANK_OFFERED)
    form = content.blank(kind, cycle, printer_for(numerals))
    return Document(
        filename=f"blank_{cycle.fiscal_year}_{slug(kind)}.{FORMATS[fmt].ext}",
        content_type=FORMATS[fmt].content_type,
        data=render(kind, fmt, form),
    )

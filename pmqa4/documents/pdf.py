"""The official forms as PDF: Django templates laid out by WeasyPrint, Sarabun embedded.

Every size in the style sheet is an official size (16 pt body, 18 pt bold titles) times
OFFICIAL_TO_SARABUN: Google's Sarabun is drawn larger on its body than TH Sarabun New, the
Cabinet's face, so 0.75 makes a printed page measure like the paper form (fonts/README.md).
The fonts come from the repository and are embedded; nothing is fetched at render time.
"""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from pmqa4.core.thai import THAI_DIGITS

from .printing import ARABIC, THAI, Printer
from .weasy import FONTS, write_pdf

OFFICIAL_TO_SARABUN = 0.75

FONT_FILES = {
    ("normal", "normal"): "Sarabun-Regular.ttf",
    ("bold", "normal"): "Sarabun-Bold.ttf",
    ("normal", "italic"): "Sarabun-Italic.ttf",
    ("bold", "italic"): "Sarabun-BoldItalic.ttf",
}
TEMPLATES = {
    "1": "documents/pdf/form1.html",
    "2": "documents/pdf/form2.html",
    "3": "documents/pdf/form3.html",
    "4": "documents/pdf/form4.html",
    "roster": "documents/pdf/roster.html",
    "score": "documents/pdf/score.html",
}
LANDSCAPE = frozenset({"1", "2"})
FORM_NUMBERS = {"1": 1, "2": 2, "3": 3, "4": 4}
# Official sizes in points, before the Sarabun scale: tables of 14–16 pt as on the forms, the
# twelve month columns of Form 2 at the smallest of them.
OFFICIAL_SIZES = {"body": 16, "title": 18, "table": 15, "dense": 14, "margin": 14}
DOTS = "." * 56
CELL_DOTS = "." * 36
SHORT_DOTS = "." * 12
# Where a title too long for a portrait line is broken, as typists break them on the paper forms:
# before its year phrase, or before the criteria it follows (Form 3).
TITLE_BREAKS = (" ประจำปีงบประมาณ", " ตามเกณฑ์")


def numerals_of(content) -> str:
    """The numerals the content was printed in: every title holds a year or ๔.๐, so its digits
    tell which `Printer` made it, and the form's own labels follow the same choice."""
    return THAI if any(ch in THAI_DIGITS for ch in content.title) else ARABIC


class Digits:
    """`{{ n.3 }}` in a template prints 3 in the form's numerals (๓ or 3), for fixed labels."""

    def __init__(self, printer: Printer):
        self.printer = printer

    def __getitem__(self, key: str) -> str:
        return self.printer.text(key)


def css_string(text: str) -> str:
    """Text safe inside a CSS double-quoted string (the running header and the page number)."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def title_lines(kind: str, title: str) -> list[str]:
    """A landscape title fits one line; a portrait one is broken at its phrase, not mid-word."""
    if kind in LANDSCAPE:
        return [title]
    for phrase in TITLE_BREAKS:
        head, found, tail = title.partition(phrase)
        if found and head:
            return [head, (found + tail).strip()]
    return [title]


def _sizes(kind: str) -> dict[str, str]:
    sizes = {name: f"{pt * OFFICIAL_TO_SARABUN:g}pt" for name, pt in OFFICIAL_SIZES.items()}
    if kind == "2":
        sizes["table"] = sizes["dense"]
    return sizes


def _context(kind: str, content) -> dict:
    printer = Printer(numerals_of(content))
    number = FORM_NUMBERS.get(kind)
    form_label = _("แบบฟอร์มหมายเลข %(number)s") % {"number": printer.text(number)} if number else ""
    return {
        "kind": kind,
        "doc": content,
        "n": Digits(printer),
        "gov40": printer.text("4.0"),
        "round1_max": printer.text("3.00"),
        "year_max": printer.text("5.00"),
        "title_lines": title_lines(kind, content.title),
        "dots": DOTS,
        "cell_dots": CELL_DOTS,
        "short_dots": SHORT_DOTS,
        "months": range(1, 13),
        "orientation": "landscape" if kind in LANDSCAPE else "portrait",
        "fonts": [
            {"weight": weight, "style": style, "url": (FONTS / name).as_uri()}
            for (weight, style), name in FONT_FILES.items()
        ],
        "size": _sizes(kind),
        "form_label": css_string(form_label),
        "page_word": css_string(_("หน้า")),
        "counter_style": "thai" if printer.numerals == THAI else "decimal",
    }


def render_html(kind: str, content) -> str:
    """The form as one HTML document with its style sheet inline, in Thai whatever the page
    language, since official documents are Thai."""
    if kind not in TEMPLATES:
        raise ValueError(f"no PDF form of kind {kind!r}; expected one of {sorted(TEMPLATES)}")
    with translation.override("th"):
        return render_to_string(TEMPLATES[kind], _context(kind, content))


def render_pdf(kind: str, content) -> bytes:
    """Form 1–4, the roster or the score report (content from content.py) as PDF bytes."""
    return write_pdf(render_html(kind, content))

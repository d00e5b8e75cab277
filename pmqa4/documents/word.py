"""The official forms as editable Word documents, filled into the templates in word_templates/.

The templates (one per kind, built by `python -m pmqa4.documents.word_templates.build`) carry the
look; this module only hands docxtpl the content of content.py. Everything a person typed is
escaped and stripped of characters XML cannot hold, so no text can break the document.
"""

import io
import re
from dataclasses import fields, is_dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, pass_context
from lxml import etree
from markupsafe import Markup

from pmqa4.core.thai import THAI_DIGITS, arabic_digits

from .word_templates.build import template_path
from .word_templates.layout import DOTS, SHADE

KINDS = ("1", "2", "3", "4", "roster", "score")
MARK = "✓"
NO_DEDUCTION = "ไม่มีการหักคะแนน"
NOT_SCORED = "ยังไม่ได้คะแนน"

# XML 1.0 forbids most C0 controls; docxtpl reads \a and \f as paragraph and page breaks.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_SHD, _TCPR = qn("w:shd"), qn("w:tcPr")
_AFTER_SHD = {
    qn(f"w:{tag}")
    for tag in ("noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark", "headers")
}


def _clean(value):
    """Every printed value: None as empty, line ends as \\n (docxtpl makes \\n a line break)."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return _UNPRINTABLE.sub("", text)


def _dots(value, dots: str = DOTS) -> str:
    """An empty value prints a line of dots, as on the paper form."""
    return value if value is not None and str(value).strip() else dots


def _lines(values) -> str:
    return "\n".join(str(v) for v in values if v)


@pass_context
def _num(context, text: str) -> str:
    """Fixed template text (๑.๑, ๔.๐) in the document's numerals."""
    return text if context["numerals"] == "thai" else arabic_digits(text)


def _shade(months, month: int) -> str:
    return SHADE if month in months else "auto"


def _mark(months, month: int) -> str:
    return MARK if month in months else ""


def _remark(step) -> str:
    """What the score report says of a step with no deduction: its note, or whether it scored."""
    if step.deductions:
        return ""
    if step.note:
        return step.note
    try:
        scored = Decimal(arabic_digits(step.points)) > 0
    except InvalidOperation:
        scored = False
    return NO_DEDUCTION if scored else NOT_SCORED


class _CachedEnvironment(Environment):
    """Compiles each template's XML once: docxtpl hands over the same source on every render."""

    @lru_cache(maxsize=32)  # noqa: B019 - one environment for the process; keys are template XML
    def from_string(self, source, globals=None, template_class=None):
        return super().from_string(source, globals, template_class)


def _cached_environment() -> Environment:
    env = _CachedEnvironment(autoescape=True, undefined=StrictUndefined, finalize=_clean)
    env.filters.update(dots=_dots, lines=_lines, num=_num)
    env.globals.update(shade=_shade, mark=_mark, remark=_remark)
    return env


ENV = _cached_environment()


class _Template(DocxTemplate):
    """docxtpl's template with its XML clean-up done once per distinct source."""

    def patch_xml(self, src_xml):
        return _patched(src_xml)

    def fix_tables(self, xml):
        """The templates repeat whole rows only ({%tr %}), never cells, so every row keeps the
        template's grid and docxtpl's column count repair (a tenth of a render) has nothing
        to fix. What needs fixing is the place of the shading cellbg adds: Word wants w:shd
        after the cell's width, not first in w:tcPr."""
        tree = etree.fromstring(xml, parser=etree.XMLParser(recover=True, huge_tree=True))
        for shd in tree.iter(_SHD):
            tcpr = shd.getparent()
            if tcpr.tag != _TCPR:
                continue
            tcpr.remove(shd)
            later = next((child for child in tcpr if child.tag in _AFTER_SHD), None)
            if later is None:
                tcpr.append(shd)
            else:
                later.addprevious(shd)
        return tree

    def resolve_listing(self, xml):
        """Only text a person typed can hold a line break or tab; skip the scan when none does."""
        if not any(ch in xml for ch in "\n\t\a\f"):
            return xml
        return super().resolve_listing(xml)


@lru_cache(maxsize=32)
def _patched(src_xml: str) -> str:
    return DocxTemplate.patch_xml(None, src_xml)


def numerals_of(content) -> str:
    """Thai or Arabic, as the content was printed (its year is always there and always digits)."""
    year = content.years[0] if hasattr(content, "years") else content.year
    return "thai" if any(ch in THAI_DIGITS for ch in year) else "arabic"


def context_of(content) -> dict:
    """The content dataclass's fields at the top level of the template, plus the numerals."""
    if not is_dataclass(content):
        raise TypeError(f"expected a content dataclass, got {type(content).__name__}")
    context = {f.name: getattr(content, f.name) for f in fields(content)}
    context["numerals"] = numerals_of(content)
    return context


def render_docx(kind: str, content) -> bytes:
    """The form of the given kind ("1"–"4", "roster", "score") as a .docx file's bytes."""
    if kind not in KINDS:
        raise ValueError(f"no Word template for kind {kind!r}")
    template = _Template(str(template_path(kind)))
    template.render(context_of(content), jinja_env=ENV)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()

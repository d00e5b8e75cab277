"""The Thai text layer of the PDFs, fixed after WeasyPrint lays them out.

HarfBuzz draws ำ as NIKHAHIT (or a NIKHAHIT+tone ligature in
น้ำ) and SARA AA, two glyphs in one cluster; WeasyPrint maps each glyph to text once per font,
from where it first meets it, so either every า reads ำ or every ำ reads า, and a copied or
searched ดำเนินการ comes back ดาเนินการ. The finisher below gives the AA of each ำ, and its
lone NIKHAHIT, character codes of their own that draw the same glyphs, and maps every Thai
glyph to the text its name says, so the text layer reads as the form was typed.
"""

import binascii
import io
import logging
import re
import struct

import pydyf
from fontTools.ttLib import TTFont
from weasyprint.text.fonts import get_hb_object_data

logger = logging.getLogger(__name__)

NIKHAHIT, SARA_AA, SARA_AM = "\u0e4d", "\u0e32", "\u0e33"
TONES = frozenset("\u0e48\u0e49\u0e4a\u0e4b")
_UNI_NAME = re.compile(r"^uni((?:[0-9A-F]{4})+)$")


def _is_thai(text: str) -> bool:
    return bool(text) and all("\u0e00" <= ch <= "\u0e7f" for ch in text)


def _thai_glyph_texts(font_file: bytes) -> dict[int, str]:
    """Glyph id → the Thai text it draws, read from the glyph names: uni0E32, uni0E4D0E48 (a
    NIKHAHIT+tone ligature), uni0E34.narrow or yoYingthai.less (forms of a nominal glyph)."""
    ttfont = TTFont(io.BytesIO(font_file), lazy=True)
    by_name: dict[str, str] = {}
    for codepoint, name in sorted(ttfont.getBestCmap().items()):
        by_name.setdefault(name, chr(codepoint))
    texts = {}
    for gid, name in enumerate(ttfont.getGlyphOrder()):
        base = name.split(".")[0]
        if match := _UNI_NAME.match(base):
            digits = match.group(1)
            text = "".join(chr(int(digits[i : i + 4], 16)) for i in range(0, len(digits), 4))
        else:
            text = by_name.get(name) or by_name.get(base, "")
        if _is_thai(text):
            texts[gid] = text
    return texts


class _FontFix:
    """One embedded font's Thai glyphs, and the extra codes that draw its glyphs differently:
    the glyphs of ำ read as ำ, and a mark gets the advance its position moves the pen back by,
    so that readers do not take the mark's offset for a space between words (ปั้น, not ปั้ น)."""

    def __init__(self, font, texts: dict[int, str]):
        self.font = font
        self.texts = texts
        self.nikhahit = {gid for gid, text in texts.items() if text[0] == NIKHAHIT}
        self.tones = {gid for gid, text in texts.items() if text in TONES}
        self.aa = {gid for gid, text in texts.items() if text == SARA_AA}
        self.first_extra = max(font.glyph_count, max(font.to_unicode, default=0) + 1)
        self.extra: dict[int, tuple[int, str | None, int]] = {}  # code → (gid, text, width)
        self._codes: dict[tuple[int, str | None, int], int] = {}

    def gid(self, code: int) -> int:
        return self.extra[code][0] if code in self.extra else code

    def code(self, gid: int, text: str | None, width: int) -> int:
        key = (gid, text, width)
        if key not in self._codes:
            self._codes[key] = code = self.first_extra + len(self._codes)
            self.extra[code] = key
        return self._codes[key]

    def rewrite(self, tokens: list[list], dirty: set[int]) -> None:
        """One run of TJ tokens in this font, in drawing order: ["g", [codes], line] or
        ["n", b"-10", line]; the lines of the tokens it changes are added to `dirty`."""
        if any(c in self.nikhahit for token in tokens if token[0] == "g" for c in token[1]):
            self._recode_sara_am(tokens, dirty)
        widths = self.font.widths
        glyph = None  # the last glyph group, until a number follows it
        for token in tokens:
            if token[0] == "g":
                glyph = token if token[1] else glyph
                continue
            if glyph is not None and token[1].startswith(b"-"):
                code = glyph[1][-1]
                gid = self.gid(code)
                if widths.get(gid) == 0 and (advance := int(float(token[1][1:]))) > 0:
                    text = self.extra[code][1] if code in self.extra else None
                    glyph[1][-1] = self.code(gid, text, advance)
                    token[1] = _pdf_number(float(token[1]) + advance)
                    dirty.update((glyph[2], token[2]))
            glyph = None

    def _recode_sara_am(self, tokens: list[list], dirty: set[int]) -> None:
        """NIKHAHIT, any tones, then AA: the AA reads ำ, a lone NIKHAHIT reads nothing."""
        glyphs = [(token, i) for token in tokens if token[0] == "g" for i in range(len(token[1]))]
        widths = self.font.widths
        for n, (token, i) in enumerate(glyphs):
            if token[1][i] not in self.nikhahit:
                continue
            j = n + 1
            while j < len(glyphs) and glyphs[j][0][1][glyphs[j][1]] in self.tones:
                j += 1
            if j < len(glyphs) and glyphs[j][0][1][glyphs[j][1]] in self.aa:
                aa_token, aa_i = glyphs[j]
                aa = aa_token[1][aa_i]
                aa_token[1][aa_i] = self.code(aa, SARA_AM, widths.get(aa, 0))
                dirty.add(aa_token[2])
                nikhahit = token[1][i]
                if self.texts[nikhahit] == NIKHAHIT:
                    token[1][i] = self.code(nikhahit, "", widths.get(nikhahit, 0))
                    dirty.add(token[2])

    def to_unicode(self) -> dict[int, str]:
        mapping = dict(self.font.to_unicode)
        for gid in mapping:
            if text := self.texts.get(gid):
                # A NIKHAHIT+tone ligature reads as its tone: the ำ is read from the AA.
                mapping[gid] = text[1:] if text[0] == NIKHAHIT and len(text) > 1 else text
        for code, (gid, text, _width) in self.extra.items():
            mapping[code] = mapping.get(gid, "") if text is None else text
        return mapping


_TJ_TOKEN = re.compile(rb"<([0-9a-f]*)>|(-?[0-9]*\.?[0-9]+(?:e[-+]?[0-9]+)?)")


def _pdf_number(value: float) -> bytes:
    """A number as PDF writes it: no exponent, no trailing zeros."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return b"0" if text in ("", "-0") else text.encode()


def _glyph_codes(hex_: bytes) -> list[int]:
    """<00410042> → [0x41, 0x42]: two-byte glyph codes, big-endian."""
    raw = binascii.unhexlify(hex_)
    return list(struct.unpack(f">{len(raw) // 2}H", raw))


def _tj_tokens(line: bytes, index: int) -> list[list]:
    return [
        ["g", _glyph_codes(hex_), index] if number == b"" else ["n", number, index]
        for hex_, number in _TJ_TOKEN.findall(line, line.index(b"["), line.rindex(b"]"))
    ]


def _tj_line(tokens: list[list]) -> bytes:
    body = b"".join(
        b"<" + struct.pack(f">{len(value)}H", *value).hex().encode() + b">"
        if kind == "g"
        else b" " + value + b" "
        for kind, value, _line in tokens
    )
    return b"[" + body + b"] TJ"


def _rewrite_content(lines: list, fixes: dict[bytes, _FontFix]) -> None:
    """Recode the glyphs of ำ and of offset marks in a content stream, font by font."""
    fix, run, parsed, dirty = None, [], {}, set()
    for index, line in enumerate(lines):
        if not isinstance(line, bytes):
            continue
        if line.endswith(b" Tf"):
            if fix and run:
                fix.rewrite(run, dirty)
            fix, run = fixes.get(line.split()[0][1:]), []
        elif fix and line.endswith(b"] TJ"):
            parsed[index] = tokens = _tj_tokens(line, index)
            run.extend(tokens)
    if fix and run:
        fix.rewrite(run, dirty)
    for index in dirty:
        lines[index] = _tj_line(parsed[index])


def _to_unicode_lines(mapping: dict[int, str]) -> list[bytes]:
    lines = [
        b"/CIDInit /ProcSet findresource begin",
        b"12 dict begin",
        b"begincmap",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        b"/CMapName /Adobe-Identity-UCS def",
        b"/CMapType 2 def",
        b"1 begincodespacerange <0000> <ffff> endcodespacerange",
    ]
    items = sorted(mapping.items())
    for start in range(0, len(items), 100):
        batch = items[start : start + 100]
        lines.append(b"%d beginbfchar" % len(batch))
        for code, text in batch:
            lines.append(b"<%04x> <%s>" % (code, text.encode("utf-16-be").hex().encode()))
        lines.append(b"endbfchar")
    lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]
    return lines


def _update_font(pdf, fix: _FontFix, to_unicode, subfont) -> None:
    """The extra codes draw their glyph (CIDToGIDMap) at their width (W) and read as mapped."""
    to_unicode.stream = _to_unicode_lines(fix.to_unicode())
    if not fix.extra:
        return
    gids = list(range(fix.font.glyph_count)) + [0] * (fix.first_extra - fix.font.glyph_count)
    for code, (gid, _text, width) in sorted(fix.extra.items()):
        gids.append(gid)
        subfont["W"].extend([code, pydyf.Array([width])])
    cid_to_gid = pydyf.Stream([b"".join(gid.to_bytes(2, "big") for gid in gids)], compress=True)
    pdf.add_object(cid_to_gid)
    subfont["CIDToGIDMap"] = cid_to_gid.reference


# Glyph texts by WeasyPrint's font hash (family, weight, style) and glyph count, so that the
# font file is not copied out of HarfBuzz again for every document.
_glyph_texts_by_face: dict[tuple[str, int], dict[int, str]] = {}


def _thai_fonts(document, pdf) -> dict[bytes, tuple[_FontFix, object, object]]:
    """Each embedded font that draws Thai, by its resource name: its fix, its ToUnicode stream
    and its CID font dictionary."""
    fixes = {}
    for font in document.fonts.values():
        if font.missing or not any(_is_thai(t) for t in font.to_unicode.values()):
            continue
        key = (font.hash, font.glyph_count)
        if key not in _glyph_texts_by_face:
            _glyph_texts_by_face[key] = _thai_glyph_texts(get_hb_object_data(font.hb_face))
        fixes[font.name] = _FontFix(font, _glyph_texts_by_face[key])
    found = {}
    for obj in pdf.objects:
        # The Type0 font, not its CID font nor its descriptor, which share its name.
        if (
            isinstance(obj, pydyf.Dictionary)
            and obj.get("BaseFont") in fixes
            and "ToUnicode" in obj
        ):
            fix = fixes[obj["BaseFont"]]
            to_unicode = pdf.objects[int(obj["ToUnicode"].split()[0])]
            subfont = pdf.objects[int(obj["DescendantFonts"][0].split()[0])]
            if not isinstance(to_unicode, pydyf.Stream) or "W" not in subfont:
                raise ValueError(f"unexpected font dictionary for {fix.font.name!r}")
            found[fix.font.hash.encode()] = (fix, to_unicode, subfont)
    return found


def thai_text_layer(document, pdf) -> None:
    """WeasyPrint finisher: make copied, searched and extracted Thai text read as typed.

    It reads WeasyPrint's own objects (pinned at 70.0); should they change, the PDF is left as
    WeasyPrint made it, which prints the same and only copies ำ wrongly."""
    try:
        fonts = _thai_fonts(document, pdf)
    except (AttributeError, KeyError, IndexError, TypeError, ValueError):
        logger.warning("Thai text layer left as WeasyPrint made it", exc_info=True)
        return
    if not fonts:
        return
    fixes = {name: fix for name, (fix, _to_unicode, _subfont) in fonts.items()}
    for obj in pdf.objects:
        if isinstance(obj, pydyf.Stream) and any(
            isinstance(line, bytes) and line.endswith(b" Tf") for line in obj.stream
        ):
            _rewrite_content(obj.stream, fixes)
    for fix, to_unicode, subfont in fonts.values():
        _update_font(pdf, fix, to_unicode, subfont)

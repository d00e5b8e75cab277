"""HTML to PDF with WeasyPrint: the bundled fonts, one font set-up per process, Thai text that
reads back as typed (thai_text_layer).

WeasyPrint (and Pango behind it) is imported on the first PDF, not when the URLs load: pages that
only link to a PDF should not pay for it.
"""

import threading
from pathlib import Path

FONTS = Path(__file__).resolve().parent / "fonts"

_fonts_lock = threading.Lock()
_font_config = None


def _shared_font_config():
    """Loading the system's fonts and registering Sarabun costs more than laying out a form, and
    Pango keeps its shaping caches on the configuration: one per process."""
    global _font_config
    if _font_config is None:
        from weasyprint.text.fonts import FontConfiguration

        _font_config = FontConfiguration()
    return _font_config


def write_pdf(html: str, base_url: Path = FONTS) -> bytes:
    from weasyprint import HTML

    from .thai_text_layer import thai_text_layer

    document = HTML(string=html, base_url=base_url.as_uri() + "/")
    # WeasyPrint does not promise that a font configuration may be shared between threads.
    with _fonts_lock:
        return document.write_pdf(font_config=_shared_font_config(), finisher=thai_text_layer)

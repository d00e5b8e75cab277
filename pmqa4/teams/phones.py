"""Thai telephone numbers as people type them, checked and written one consistent way.

Coordinators copy numbers from directories and e-mail signatures: `02-232-1234`, `0 2232 1234`,
`+66 81 234 5678`, `๐๘๑ ๒๓๔ ๕๖๗๘`, with `ต่อ 123` or `#123` after them. The roster stores the
display form of the official directories (landline `0 2232 1234`, mobile `08 1234 5678`,
extension ` ต่อ 123`), so the printed roster is uniform and the same number is always the same
text. Pure functions: no database, no request.
"""

import re

from django.utils.translation import gettext as _

from pmqa4.core.thai import arabic_digits

# A landline is 9 digits, 0 + area code 2–7 (02 Bangkok, 053 Chiang Mai…); a mobile is 10 digits
# beginning 06, 08 or 09 (the NBTC numbering plan).
LANDLINE = re.compile(r"0[2-7]\d{7}")
MOBILE = re.compile(r"0[689]\d{8}")
_EXTENSION = re.compile(r"(?:ต่อ|#|ext\.?|x)\s*([0-9]*)\s*$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s\-.()/]")


class PhoneError(ValueError):
    """A number that is not a Thai landline or mobile; ``message`` says why, in Thai."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _split_extension(text: str) -> tuple[str, str]:
    match = _EXTENSION.search(text)
    if match is None:
        return text, ""
    extension = match.group(1)
    if not extension or len(extension) > 6:
        raise PhoneError(_("หมายเลขต่อต้องเป็นตัวเลข ๑–๖ หลัก เช่น 0 2232 1234 ต่อ 123"))
    return text[: match.start()], extension


def _digits(number: str) -> str:
    compact = _SEPARATORS.sub("", number)
    if compact.startswith("+66"):
        compact = "0" + compact[3:].removeprefix("0")
    if not compact.isascii() or not compact.isdigit():
        raise PhoneError(
            _(
                "หมายเลขโทรศัพท์มีอักขระที่ใช้ไม่ได้ กรอกได้เฉพาะตัวเลข ขีด เว้นวรรค "
                "และหมายเลขต่อ เช่น 0 2232 1234 ต่อ 123"
            )
        )
    return compact


def _check(digits: str) -> None:
    if not digits.startswith("0"):
        raise PhoneError(_("หมายเลขโทรศัพท์ต้องขึ้นต้นด้วย 0 (หรือ +66) เช่น 0 2232 1234"))
    if digits[1:2] in ("6", "8", "9") and len(digits) != 10:
        raise PhoneError(_("หมายเลขโทรศัพท์มือถือต้องมี ๑๐ หลัก เช่น 08 1234 5678"))
    if digits[1:2] in ("2", "3", "4", "5", "7") and len(digits) != 9:
        raise PhoneError(_("หมายเลขโทรศัพท์พื้นฐานต้องมี ๙ หลัก เช่น 0 2232 1234"))
    if not (LANDLINE.fullmatch(digits) or MOBILE.fullmatch(digits)):
        raise PhoneError(
            _(
                "ไม่ใช่หมายเลขโทรศัพท์ในประเทศไทย: โทรศัพท์พื้นฐานขึ้นต้นด้วย 02–07 (๙ หลัก) "
                "โทรศัพท์มือถือขึ้นต้นด้วย 06, 08 หรือ 09 (๑๐ หลัก)"
            )
        )


def format_phone(text: str) -> str:
    """The display form of a typed number ("" stays ""), or PhoneError with the reason.

    >>> format_phone("02-232-1234 #123")
    '0 2232 1234 ต่อ 123'
    """
    text = arabic_digits(text or "").strip()
    if not text:
        return ""
    number, extension = _split_extension(text)
    digits = _digits(number)
    _check(digits)
    if len(digits) == 9:
        shown = f"{digits[0]} {digits[1:5]} {digits[5:]}"
    else:
        shown = f"{digits[:2]} {digits[2:6]} {digits[6:]}"
    return f"{shown} ต่อ {extension}" if extension else shown


def is_phone(text: str) -> bool:
    try:
        format_phone(text)
    except PhoneError:
        return False
    return True

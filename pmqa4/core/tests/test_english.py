"""The English translation: every Thai string translated, the compiled catalogue current, and the
pages English for a person who chose English with the language switch (Thai for everyone else)."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PO_FILE = CATALOGUE / "django.po"
MO_FILE = CATALOGUE / "django.mo"

# Labels that read the same in both languages: names of things, not words to translate.
NAMES_WITHOUT_THAI = {"English", "SHA-256", "LINE", "LINE ID", "LINE user ID", "[LINE]"}
THAI_SCRIPT = re.compile("[\u0e00-\u0e7f]")
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sd]")
ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}

STEP_NAMES_EN = [
    "Step 1: Submit the PMQA team list",
    "Step 2: Attend activities and meetings",
    "Step 3: 3-year plan, action plan and KPI sheets",
    "Step 4: Results report",
    "Step 5: KPI results",
]
STEP_NAMES_TH = [
    "ขั้นตอนที่ ๑ ส่งรายชื่อทีมงาน PMQA Team",
    "ขั้นตอนที่ ๒ เข้าร่วมกิจกรรม/ประชุม",
    "ขั้นตอนที่ ๓ แผนระยะ ๓ ปี แผนปฏิบัติการ และรายละเอียดตัวชี้วัด",
    "ขั้นตอนที่ ๔ รายงานผลการดำเนินงาน",
    "ขั้นตอนที่ ๕ ผลการดำเนินงานตามตัวชี้วัด",
]
# Labels of the unit's home page (not data: unit names, people's names and B.E. dates stay Thai).
UNIT_HOME_LABELS_TH = [
    "บทบาทของท่านในหน่วยงานนี้",
    "ผู้ประสานงานหน่วยงาน",
    "ปีงบประมาณ พ.ศ.",
    "ดูปฏิทินและการประชุมทั้งปี",
    "กำหนดส่ง",
    "อัตราการเข้าร่วม",
    "ยังไม่เริ่ม",
    "เลยกำหนด",
    "ออกจากระบบ",
    "เปลี่ยนรหัสผ่าน",
    "หน้าหลัก",
    "ติดต่อสอบถาม",
]
UNIT_HOME_LABELS_EN = [
    "Your role in this unit:",
    "Unit coordinator",
    "Fiscal year B.E. 2568",
    "See the full-year calendar and meetings",
    "Due date",
    "Attendance rate",
    "Log out",
    "Change password",
    "Home",
    "Contact us",
]


def _unquote(line: str) -> str:
    """The text of one quoted .po string: "a \\"b\\"\\n" -> a "b" and a newline."""
    body = line.strip()
    assert body.startswith('"') and body.endswith('"'), f"not a quoted string: {line!r}"
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(0)), body[1:-1])


def read_po(path: Path) -> list[dict]:
    """The entries of a .po file, each with its flags, msgid, msgid_plural and msgstr by index.

    Enough of the format for Django's catalogues: comments, #, flags, multi-line strings,
    msgstr[n] of plural entries; obsolete #~ entries are skipped.
    """
    entries: list[dict] = []
    entry: dict | None = None
    field: tuple | None = None

    def new_entry() -> dict:
        return {"flags": set(), "msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": {}}

    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#~"):
            field = None
            continue
        if stripped.startswith("#"):
            if entry is None or entry["msgid"] is not None:
                entry = new_entry()
                entries.append(entry)
            if stripped.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in stripped[2:].split(","))
            field = None
            continue
        keyword, _, rest = stripped.partition(" ")
        if keyword == "msgctxt":
            if entry is None or entry["msgid"] is not None:
                entry = new_entry()
                entries.append(entry)
            field = ("msgctxt",)
            entry["msgctxt"] = _unquote(rest)
        elif keyword == "msgid":
            if entry is None or entry["msgid"] is not None:
                entry = new_entry()
                entries.append(entry)
            field = ("msgid",)
            entry["msgid"] = _unquote(rest)
        elif keyword == "msgid_plural":
            field = ("msgid_plural",)
            entry["msgid_plural"] = _unquote(rest)
        elif keyword.startswith("msgstr"):
            index = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
            field = ("msgstr", index)
            entry["msgstr"][index] = _unquote(rest)
        elif stripped.startswith('"') and field is not None:
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += _unquote(stripped)
            else:
                entry[field[0]] += _unquote(stripped)
        else:
            raise AssertionError(f"unexpected line in {path.name}: {line!r}")
    return entries


@pytest.fixture(scope="module")
def po_entries():
    entries = read_po(PO_FILE)
    header = [e for e in entries if e["msgid"] == ""]
    assert len(header) == 1, "the catalogue has exactly one header entry"
    return [e for e in entries if e["msgid"] != ""]


def test_the_po_reader_handles_multi_line_strings_plurals_and_flags(tmp_path):
    sample = tmp_path / "sample.po"
    sample.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#: a.py:1\n#, fuzzy, python-format\nmsgid ""\n"ยาว "\n"มาก %(n)s"\nmsgstr "very \\"long\\" %(n)s"\n\n'
        '#, python-format\nmsgid "เหลือ %(d)s วัน"\nmsgid_plural "เหลือ %(d)s วัน"\n'
        'msgstr[0] "%(d)s day"\nmsgstr[1] ""\n"%(d)s days"\n\n'
        '#~ msgid "เก่า"\n#~ msgstr "old"\n',
        encoding="utf-8",
    )
    header, long, plural = read_po(sample)
    assert header["msgstr"] == {0: "Language: en\n"}
    assert long["msgid"] == "ยาว มาก %(n)s"
    assert long["msgstr"] == {0: 'very "long" %(n)s'}
    assert long["flags"] == {"fuzzy", "python-format"}
    assert plural["msgid_plural"] == "เหลือ %(d)s วัน"
    assert plural["msgstr"] == {0: "%(d)s day", 1: "%(d)s days"}


def test_the_english_catalogue_has_the_thai_source_strings(po_entries):
    assert len(po_entries) > 300
    assert all(
        THAI_SCRIPT.search(e["msgid"]) or e["msgid"] in NAMES_WITHOUT_THAI for e in po_entries
    )


def test_every_entry_of_the_english_catalogue_is_translated(po_entries):
    untranslated = [
        e["msgid"]
        for e in po_entries
        if not e["msgstr"]
        or not all(e["msgstr"].values())
        or (e["msgid_plural"] is not None and sorted(e["msgstr"]) != [0, 1])
    ]
    assert untranslated == []


def test_no_entry_of_the_english_catalogue_is_fuzzy_not_even_the_header():
    assert [e["msgid"] for e in read_po(PO_FILE) if "fuzzy" in e["flags"]] == []


def test_no_english_translation_contains_thai_script_or_thai_digits(po_entries):
    thai = [
        (e["msgid"], text)
        for e in po_entries
        for text in e["msgstr"].values()
        if THAI_SCRIPT.search(text)
    ]
    assert thai == []


def test_every_translation_keeps_the_placeholders_of_its_thai_original(po_entries):
    wrong = []
    for e in po_entries:
        names = sorted(PLACEHOLDER.findall(e["msgid"]))
        for text in e["msgstr"].values():
            lone_percent = "%" in PLACEHOLDER.sub("", text).replace("%%", "")
            if sorted(PLACEHOLDER.findall(text)) != names:
                wrong.append((e["msgid"], text))
            elif "python-format" in e["flags"] and lone_percent:
                wrong.append((e["msgid"], text))  # a lone % breaks the formatting: write %%
    assert wrong == []


def test_the_compiled_catalogue_has_every_translation_of_the_po_file(po_entries):
    """Fails when someone edits django.po without running compilemessages."""
    with MO_FILE.open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = []
    for e in po_entries:
        if e["msgctxt"] is not None:
            if compiled.pgettext(e["msgctxt"], e["msgid"]) != e["msgstr"][0]:
                stale.append(e["msgid"])
        elif e["msgid_plural"] is None:
            if compiled.gettext(e["msgid"]) != e["msgstr"][0]:
                stale.append(e["msgid"])
        else:
            one = compiled.ngettext(e["msgid"], e["msgid_plural"], 1)
            many = compiled.ngettext(e["msgid"], e["msgid_plural"], 2)
            if (one, many) != (e["msgstr"][0], e["msgstr"][1]):
                stale.append(e["msgid"])
    assert stale == [], "run: python manage.py compilemessages -l en"


def test_the_compiled_catalogue_is_english_with_english_plurals():
    with MO_FILE.open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    assert compiled.info()["language"] == "en"
    assert compiled.ngettext("เหลือ %(days)s วัน", "เหลือ %(days)s วัน", 1) == "%(days)s day left"
    assert compiled.ngettext("เหลือ %(days)s วัน", "เหลือ %(days)s วัน", 3) == "%(days)s days left"


def _choose_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def _without_language_switch(content: str) -> str:
    """The page without the switch's "ไทย" button, which names Thai in Thai in every language."""
    return re.sub(r'<button[^>]*\blang="th"[^>]*>ไทย</button>', "", content)


@pytest.mark.django_db
def test_after_choosing_english_the_login_page_is_english_with_no_thai_text(client):
    _choose_english(client)
    response = client.get(reverse("login"))
    content = response.content.decode()
    assert response.headers["Content-Language"] == "en"
    assert '<html lang="en"' in content
    for english in (
        "Username",
        "Password",
        "Log in",
        "Forgotten your password?",
        "Ministry of Labour",
    ):
        assert english in content
    assert THAI_SCRIPT.findall(_without_language_switch(content)) == []


@pytest.mark.django_db
def test_after_choosing_english_a_wrong_password_gets_an_english_message(client, cast):
    _choose_english(client)
    response = client.post(reverse("login"), {"username": "coord.a", "password": "wrong"})
    content = response.content.decode()
    assert "Incorrect username or password" in content
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" not in content


@pytest.mark.django_db
def test_after_choosing_english_a_coordinator_sees_the_unit_home_in_english(client, cast, cycle):
    _choose_english(client)
    client.force_login(cast.coordinator_a)
    response = client.get("/units/OPS-AAA/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="en"' in content
    for english in STEP_NAMES_EN + UNIT_HOME_LABELS_EN:
        assert english in content
    for thai in STEP_NAMES_TH + UNIT_HOME_LABELS_TH:
        assert thai not in content


@pytest.mark.django_db
def test_without_a_language_cookie_the_login_page_is_thai(client):
    response = client.get(reverse("login"))
    content = response.content.decode()
    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies
    assert '<html lang="th"' in content
    for thai in ("ชื่อผู้ใช้", "รหัสผ่าน", "เข้าสู่ระบบ", "ลืมรหัสผ่าน?"):
        assert thai in content
    for english in ("Username", "Password", "Log in", "Forgotten your password?"):
        assert english not in content


@pytest.mark.django_db
def test_without_a_language_cookie_the_unit_home_is_thai(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    response = client.get("/units/OPS-AAA/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="th"' in content
    for thai in STEP_NAMES_TH + ["บทบาทของท่านในหน่วยงานนี้", "ผู้ประสานงานหน่วยงาน", "กำหนดส่ง"]:
        assert thai in content
    for english in STEP_NAMES_EN + UNIT_HOME_LABELS_EN:
        assert english not in content


@pytest.mark.django_db
def test_choosing_thai_again_brings_the_thai_pages_back(client, cast, cycle):
    _choose_english(client)
    client.post(reverse("set_language"), {"language": "th", "next": "/"})
    client.force_login(cast.coordinator_a)
    content = client.get("/units/OPS-AAA/").content.decode()
    assert STEP_NAMES_TH[0] in content
    assert STEP_NAMES_EN[0] not in content

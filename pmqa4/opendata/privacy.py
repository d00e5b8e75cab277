"""What keeps personal data off the public pages and downloads.

The public data is built from frozen score breakdowns and plan snapshots, whose text the units
typed themselves. Two guards run over every piece of free text before it is shown:

* contacts: e-mail addresses, Thai telephone numbers and LINE IDs, found by their shape;
* people: the names of everyone the system knows (users, team members, the KPI sheets'
  supervisors and collectors, executives who signed), found by exact match.

A name the system has never stored cannot be recognised; that is why the fields meant for
people (Form 2's "responsible", the KPI sheet, the roster) are never published at all.
"""

import re
from collections import defaultdict

# Data, not interface: the downloads must read the same whatever the visitor's language.
REDACTED_CONTACT = "[ปิดข้อมูลติดต่อ]"
REDACTED_NAME = "[ปิดชื่อบุคคล]"

_DIGIT = "[0-9๐-๙]"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 0 or +66 and eight or nine more digits, single spaces or dashes between them: 0 2232 1367,
# 08-1234-5678, +66 81 234 5678 (Thai numerals too).
_PHONE = re.compile(rf"(?<![0-9๐-๙])(?:\+66|[0๐])(?:[ \-]?{_DIGIT}){{8,9}}(?![0-9๐-๙])")
_LINE = re.compile(r"(?i)(?<![a-z])(?:line\s*id|ไอดีไลน์|ไลน์\s*ไอดี|line|ไลน์)\s*[:：]\s*@?[\w.-]+")
_LINE_ID = re.compile(r"(?i)(?<![a-z])(?:line\s*id|ไอดีไลน์|ไลน์\s*ไอดี)\s*@?[\w.-]+")

# Titles written in front of Thai names, longest first (นางสาว before นาง).
TITLES = (
    "ว่าที่ร้อยตรีหญิง",
    "ว่าที่ร้อยตรี",
    "ว่าที่ ร.ต.",
    "ว่าที่ร.ต.",
    "นางสาว",
    "นาง",
    "นาย",
    "น.ส.",
    "ดร.",
    "คุณ",
)
MIN_NAME_LENGTH = 5  # "ก ข" is not a name worth hiding text for; real names are longer


def scrub_contacts(text: str) -> str:
    """E-mail addresses, telephone numbers and LINE IDs replaced by a marker."""
    if not text:
        return text
    for pattern in (_EMAIL, _LINE, _LINE_ID, _PHONE):
        text = pattern.sub(REDACTED_CONTACT, text)
    return text


def name_variants(name: str) -> set[str]:
    """A stored name as it may be written: as stored, and without its title."""
    name = " ".join((name or "").split())
    variants = {name}
    for title in TITLES:
        if name.startswith(title):
            variants.add(name[len(title) :].strip())
            break
    return {v for v in variants if len(v) >= MIN_NAME_LENGTH and " " in v}


class NameGuard:
    """Finds known people's names in text in one pass (names grouped by their first two
    characters, longest first), so a download of every unit stays quick."""

    def __init__(self, names=()):
        self._by_start: dict[str, list[str]] = defaultdict(list)
        for name in {v for n in names for v in name_variants(n)}:
            self._by_start[name[:2]].append(name)
        for candidates in self._by_start.values():
            candidates.sort(key=len, reverse=True)

    def __len__(self):
        return sum(len(c) for c in self._by_start.values())

    def redact(self, text: str) -> str:
        if not text or not self._by_start:
            return text
        out, i, found = [], 0, False
        while i < len(text):
            for name in self._by_start.get(text[i : i + 2], ()):
                if text.startswith(name, i):
                    out.append(REDACTED_NAME)
                    i += len(name)
                    found = True
                    break
            else:
                out.append(text[i])
                i += 1
        return "".join(out) if found else text


def known_people() -> NameGuard:
    """Everyone whose name the system stores: four queries, whatever the number of people."""
    from pmqa4.org.models import User
    from pmqa4.plans.models import KpiSheet
    from pmqa4.submissions.models import SignOff
    from pmqa4.teams.models import TeamMember

    names = []
    for title, first, last in User.objects.values_list("title", "first_name", "last_name"):
        names.append(f"{title}{first} {last}")
    names += TeamMember.objects.values_list("full_name", flat=True)
    for supervisor, collector in KpiSheet.objects.values_list("supervisor_name", "collector_name"):
        names += [supervisor, collector]
    names += SignOff.objects.values_list("signer_name", flat=True)
    return NameGuard(names)


class Guard:
    """Both guards together: ``guard(text)`` is the text safe to publish."""

    def __init__(self, people: NameGuard):
        self.people = people

    def __call__(self, text):
        if text is None:
            return None
        return scrub_contacts(self.people.redact(str(text)))


def public_guard() -> Guard:
    return Guard(known_people())


STEP1_GAP_SUFFIX = " ไม่มี"


def anonymous_reason(reason: str, members: list[dict]) -> str:
    """Step 1's "incomplete" reason names the team members whose details are missing
    ("<name> ไม่มีตำแหน่ง"): each becomes "สมาชิกลำดับที่ N", N its place on the roster, which
    is how the engine itself words a member without a name."""
    for number, member in sorted(
        enumerate(members, start=1), key=lambda m: len(str(m[1].get("name", ""))), reverse=True
    ):
        name = str(member.get("name") or "").strip()
        if name:
            reason = reason.replace(
                name + STEP1_GAP_SUFFIX, f"สมาชิกลำดับที่ {number}{STEP1_GAP_SUFFIX}"
            )
    return reason

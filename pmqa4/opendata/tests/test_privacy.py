"""No personal data on any public page or download: names, phones, e-mails, LINE IDs."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from pmqa4.cycles.models import Cycle
from pmqa4.opendata.catalog import DATASETS
from pmqa4.opendata.privacy import (
    REDACTED_CONTACT,
    REDACTED_NAME,
    NameGuard,
    anonymous_reason,
    scrub_contacts,
)
from pmqa4.org.models import Unit, User
from pmqa4.plans.models import KpiSheet
from pmqa4.scoring.models import ScoreKind
from pmqa4.scoring.services import scores_publish
from pmqa4.submissions.models import SignOff
from pmqa4.teams.models import TeamMember

from .world import (
    COLLECTOR,
    COLLECTOR_EMAIL,
    MEMBER_WITH_GAPS,
    RESPONSIBLE,
    SUPERVISOR,
    SUPERVISOR_EMAIL,
    SUPERVISOR_PHONE,
)

# The pieces ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, secret",
    [
        ("ติดต่อ somchai.j@mol.mail.go.th ได้ทุกวัน", "somchai.j@mol.mail.go.th"),
        ("โทร 0 2232 1367 ในเวลาราชการ", "2232 1367"),
        ("มือถือ 081-234-5678", "234-5678"),
        ("มือถือ 0812345678", "0812345678"),
        ("โทร ๐๘๑ ๒๓๔ ๕๖๗๘", "๕๖๗๘"),
        ("โทร +66 81 234 5678", "234 5678"),
        ("LINE ID: somchai_mol", "somchai_mol"),
        ("ไลน์: @mol.service", "mol.service"),
        ("line id somchai99", "somchai99"),
    ],
)
def test_contacts_are_hidden_whatever_their_shape(text, secret):
    scrubbed = scrub_contacts(text)
    assert REDACTED_CONTACT in scrubbed
    assert secret not in scrubbed


@pytest.mark.parametrize(
    "text",
    [
        "เปิดช่องทางรับเรื่องร้องเรียนผ่าน LINE Official Account",
        "ร้อยละ 85 ของผู้รับบริการ ปี 2568–2570",
        "ส่งครั้งแรก 30 พ.ย. 2567 09:00 น. ช้ากว่ากำหนด 29 พ.ย. 2567 ไป 1 วัน",
        "ตัวชี้วัด K5 ได้ร้อยละ 70.00 ของค่าเป้าหมาย",
    ],
)
def test_ordinary_plan_and_score_text_is_left_alone(text):
    assert scrub_contacts(text) == text


def test_known_names_are_hidden_with_or_without_their_title():
    guard = NameGuard(["นางสาวกานดา ใจดี", "นายสมชาย รักงาน", "ก ข"])
    assert guard.redact("กลุ่มยุทธศาสตร์ / นางสาวกานดา ใจดี") == f"กลุ่มยุทธศาสตร์ / {REDACTED_NAME}"
    assert guard.redact("ประสานคุณกานดา ใจดี และสมชาย รักงาน") == (
        f"ประสานคุณ{REDACTED_NAME} และ{REDACTED_NAME}"
    )
    assert guard.redact("ก ข ค") == "ก ข ค"  # too short to be a name worth hiding text for
    assert guard.redact("ไม่มีชื่อใคร") == "ไม่มีชื่อใคร"


def test_step1_reasons_name_members_by_their_place_on_the_roster():
    members = [
        {"name": "นายหนึ่ง ครบถ้วน"},
        {"name": "นางสาวสอง ขาดเบอร์"},
        {"name": "นางสาวสอง"},  # a name inside another name
        {"name": ""},
    ]
    reason = (
        "ส่งครั้งแรก 30 พ.ย. 2567 09:00 น. ช้ากว่ากำหนด 29 พ.ย. 2567 ไป 1 วัน; ไม่ครบถ้วน: "
        "นางสาวสอง ขาดเบอร์ ไม่มีทั้งโทรศัพท์และอีเมล; นางสาวสอง ไม่มีตำแหน่ง;"
        " สมาชิกลำดับที่ 4 ไม่มีตำแหน่ง"
    )
    assert anonymous_reason(reason, members) == (
        "ส่งครั้งแรก 30 พ.ย. 2567 09:00 น. ช้ากว่ากำหนด 29 พ.ย. 2567 ไป 1 วัน; ไม่ครบถ้วน: "
        "สมาชิกลำดับที่ 2 ไม่มีทั้งโทรศัพท์และอีเมล; สมาชิกลำดับที่ 3 ไม่มีตำแหน่ง;"
        " สมาชิกลำดับที่ 4 ไม่มีตำแหน่ง"
    )


# Everything public, on a small world and on the demo -------------------------------------------


def public_urls(fiscal_year: int, codes) -> list[str]:
    urls = [
        reverse("opendata:home"),
        reverse("opendata:dictionary"),
        reverse("opendata:index", args=[fiscal_year]),
        *(reverse("opendata:unit", args=[fiscal_year, code]) for code in codes),
    ]
    for dataset in DATASETS:
        for fmt in ("csv", "json"):
            urls.append(reverse("opendata:download", args=[fiscal_year, dataset, fmt]))
    return urls


def fetch_all(client, urls) -> dict[str, str]:
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode("utf-8")
    return pages


def personal_data() -> set[str]:
    """Every name, phone, e-mail and LINE ID the system stores."""
    found = set()
    for title, first, last, email, phone, line in User.objects.values_list(
        "title", "first_name", "last_name", "email", "phone", "line_user_id"
    ):
        found |= {f"{first} {last}", f"{title}{first} {last}", email, phone, line}
    for row in TeamMember.objects.values_list("full_name", "phone", "email"):
        found |= set(row)
    for row in KpiSheet.objects.values_list(
        "supervisor_name",
        "supervisor_phone",
        "supervisor_email",
        "collector_name",
        "collector_phone",
        "collector_email",
    ):
        found |= set(row)
    found |= set(SignOff.objects.values_list("signer_name", flat=True))
    return {value.strip() for value in found if value and value.strip()}


def leaks(pages: dict[str, str], secrets: set[str]) -> list[str]:
    return [
        f"{secret!r} on {url}"
        for url, text in pages.items()
        for secret in secrets
        if secret in text
    ]


@pytest.mark.django_db
def test_nothing_personal_in_the_small_world(client, published):
    secrets = personal_data()
    for typed in (
        MEMBER_WITH_GAPS,
        SUPERVISOR,
        SUPERVISOR_PHONE,
        SUPERVISOR_EMAIL,
        COLLECTOR,
        COLLECTOR_EMAIL,
    ):
        assert typed in secrets  # the check looks for what the world typed
    secrets |= {RESPONSIBLE, "นายสมชาย ใจดีมาก"}  # Form 2's responsible person
    secrets |= {"081 999 1234", "kpi.report"}  # typed into a Form 2 step's name
    pages = fetch_all(client, public_urls(2568, ["OPS-AAA", "OPS-BBB", "OPS-ASD"]))
    unit_page = pages[reverse("opendata:unit", args=[2568, "OPS-AAA"])]
    assert "พัฒนาบริการออนไลน์ เอ" in unit_page
    assert f"รายงานผลต่อ{REDACTED_NAME} โทร {REDACTED_CONTACT}" in unit_page
    assert not leaks(pages, secrets)


@pytest.mark.django_db
def test_nothing_personal_anywhere_public_after_publishing_the_demo(client):
    call_command("seed_demo", verbosity=0)
    cycle = Cycle.objects.get(fiscal_year=2568)
    central = User.objects.get(username="central")
    scores_publish(cycle=cycle, kind=ScoreKind.ROUND1, actor=central, now=timezone.now())
    scores_publish(cycle=cycle, kind=ScoreKind.YEAR, actor=central, now=timezone.now())
    secrets = personal_data()
    assert len(secrets) > 150  # the demo's people: users, teams, KPI sheets, signatures
    codes = list(Unit.objects.values_list("code", flat=True))
    pages = fetch_all(client, public_urls(2568, codes))
    index = pages[reverse("opendata:index", args=[2568])]
    assert index.count('class="unit-code"') >= 80  # the demo's units are listed …
    spd = pages[reverse("opendata:unit", args=[2568, "OPS-SPD"])]
    assert 'id="form1"' in spd and 'id="steps-year"' in spd  # … with scores and plans
    assert not leaks(pages, secrets)

"""The central group's contact card: the settings' defaults until the central administrator edits
it, on every unit's home page and the Q&A pages, and the top menu's links."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from pmqa4.notices.contact import contact_card, phone_link
from pmqa4.notices.models import ContactCard

pytestmark = pytest.mark.django_db
EDIT = reverse("notices:contact-edit")


def unit_home(unit):
    return reverse("org:unit-home", args=[unit.code])


def test_without_a_saved_card_the_settings_defaults_show(client, cast, cycle, settings):
    settings.PRIVACY_CONTACT_NAME = "กลุ่มพัฒนาระบบบริหาร สป.รง."
    settings.PRIVACY_CONTACT_PHONE = "0 2232 1367"
    settings.PRIVACY_CONTACT_EMAIL = "asdc@mol.mail.go.th"
    settings.CENTRAL_CONTACT_LINE_ID = "@pmqa-mol"
    client.force_login(cast.coordinator_a)
    page = client.get(unit_home(cast.unit_a)).content.decode()
    assert 'data-testid="contact-card"' in page
    assert "กลุ่มพัฒนาระบบบริหาร สป.รง." in page
    assert '<a href="tel:+6622321367">0 2232 1367</a>' in page
    assert "mailto:asdc@mol.mail.go.th" in page
    assert "@pmqa-mol" in page
    assert not ContactCard.objects.exists()


def test_the_central_administrator_edits_the_card_everyone_sees_it_and_it_is_audited(
    client, cast, cycle
):
    client.force_login(cast.central)
    response = client.post(
        EDIT,
        {
            "name": "นางสาวใจดี ประสานงาน กลุ่มพัฒนาระบบบริหาร",
            "phone": "02-232-1999",
            "email": "pmqa@mol.go.th",
            "line_id": "@pmqa4",
            "note": "จันทร์–ศุกร์ 8.30–16.30 น.",
        },
    )
    assert response["Location"] == EDIT
    card = ContactCard.objects.get()
    assert card.pk == 1 and card.line_id == "@pmqa4"
    assert LogEntry.objects.get_for_object(card).get().actor == cast.central
    client.force_login(cast.coordinator_b)
    page = client.get(unit_home(cast.unit_b)).content.decode()
    assert "นางสาวใจดี ประสานงาน" in page
    assert '<a href="tel:+6622321999">02-232-1999</a>' in page
    assert "@pmqa4" in page and "จันทร์–ศุกร์" in page
    assert "@pmqa4" in client.get(reverse("notices:questions")).content.decode()
    # a second save changes the one card
    client.force_login(cast.central)
    client.post(EDIT, {"name": "กลุ่มพัฒนาระบบบริหาร", "email": "bad address"})
    assert ContactCard.objects.get().name == "นางสาวใจดี ประสานงาน กลุ่มพัฒนาระบบบริหาร"
    client.post(EDIT, {"name": "กลุ่มพัฒนาระบบบริหาร"})
    assert contact_card().name == "กลุ่มพัฒนาระบบบริหาร" and contact_card().line_id == ""
    assert ContactCard.objects.count() == 1


def test_a_bad_email_is_refused_with_a_thai_message(client, cast):
    client.force_login(cast.central)
    response = client.post(EDIT, {"name": "กลุ่ม", "email": "not-an-address"})
    assert "อีเมลไม่ถูกต้อง" in response.content.decode()
    assert not ContactCard.objects.exists()


@pytest.mark.parametrize("who", ["coordinator_a", "executive_a", "evaluator", "staff_a"])
def test_only_the_central_administrator_edits_the_card(client, cast, who):
    client.force_login(getattr(cast, who))
    assert client.get(EDIT).status_code == 403
    assert client.post(EDIT, {"name": "แก้ไม่ได้"}).status_code == 403
    assert not ContactCard.objects.exists()


@pytest.mark.parametrize(
    ("phone", "link"),
    [
        ("0 2232 1367", "+6622321367"),
        ("081-234-5678", "+66812345678"),
        ("+66 2 232 1367", "+6622321367"),
        ("0 2232 1367 ต่อ 1405", ""),  # an extension: shown, not dialled
        ("", ""),
    ],
)
def test_phone_links(phone, link):
    assert phone_link(phone) == link


def test_the_menu_shows_the_questions_only_to_those_with_a_role(client, cast):
    client.force_login(cast.coordinator_a)
    page = client.get(reverse("notices:faq")).content.decode()
    for label in ("ประกาศ", "ถาม-ตอบ", "คำถามที่พบบ่อย"):
        assert f"</i> {label}</a>" in page
    assert f'href="{reverse("notices:faq")}" aria-current="page"' in page
    client.force_login(cast.staff_a)
    page = client.get(reverse("notices:faq")).content.decode()
    assert "</i> ประกาศ</a>" in page
    assert "</i> ถาม-ตอบ</a>" not in page
    client.logout()
    page = client.get(reverse("cycles:current")).content.decode()
    assert "</i> ประกาศ</a>" not in page

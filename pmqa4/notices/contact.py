"""The central group's contact card: the saved one, else the defaults from the settings.

The defaults are the privacy contact (the same group: กลุ่มพัฒนาระบบบริหาร) and
CENTRAL_CONTACT_LINE_ID, so the card is right on a new installation before anyone edits it.
"""

from django.conf import settings
from django.db import transaction

from .models import ContactCard


def default_card() -> ContactCard:
    """An unsaved card with the settings' values."""
    return ContactCard(
        pk=ContactCard.SINGLETON,
        name=settings.PRIVACY_CONTACT_NAME,
        phone=settings.PRIVACY_CONTACT_PHONE,
        email=settings.PRIVACY_CONTACT_EMAIL,
        line_id=getattr(settings, "CENTRAL_CONTACT_LINE_ID", ""),
    )


def contact_card() -> ContactCard:
    """The card to show (one query)."""
    return ContactCard.objects.filter(pk=ContactCard.SINGLETON).first() or default_card()


@transaction.atomic
def save_contact_card(**values) -> ContactCard:
    """Create or update the one card (audited through the model)."""
    card = ContactCard.objects.select_for_update().filter(pk=ContactCard.SINGLETON).first()
    if card is None:
        card = ContactCard(pk=ContactCard.SINGLETON)
    for name, value in values.items():
        setattr(card, name, value)
    card.full_clean()
    card.save()
    return card


def phone_link(phone: str) -> str:
    """A tel: address for a Thai number written for people ("0 2232 1367" → "+6622321367");
    empty when it does not look like one number."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if phone.strip().startswith("+"):
        return "+" + digits if 8 <= len(digits) <= 15 else ""
    if digits.startswith("0") and 9 <= len(digits) <= 10:
        return "+66" + digits[1:]
    return ""

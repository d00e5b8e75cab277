import pytest
from django.db import transaction

from pmqa4.core.locking import StaleEdit, claim_version
from pmqa4.core.testing.factories import KpiSheetFactory
from pmqa4.plans.models import KpiSheet

pytestmark = pytest.mark.django_db


def test_a_save_from_the_current_version_moves_it_on():
    sheet = KpiSheetFactory()
    claim_version(sheet, 1)
    assert KpiSheet.objects.get().version == 2 and sheet.version == 2


def test_the_second_of_two_editors_is_refused_and_told_what_changed():
    sheet = KpiSheetFactory(unit_of_measure="ร้อยละ")
    first, second = KpiSheet.objects.get(), KpiSheet.objects.get()
    with transaction.atomic():
        claim_version(first, 1)
        first.unit_of_measure = "คน"
        first.save()
    with pytest.raises(StaleEdit) as stale:
        claim_version(second, 1, seen={"unit_of_measure": "ร้อยละ", "target": sheet.target})
    assert stale.value.changes == [("๓. หน่วยวัด", "ร้อยละ", "คน")]
    assert "มีผู้อื่นบันทึกแบบฟอร์มนี้ไปก่อนแล้ว" in stale.value.message
    assert KpiSheet.objects.get().version == 2

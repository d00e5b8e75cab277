"""Form 3 services: the sheet's fields, its baseline and steps, the target rule, locking."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from pmqa4.core.locking import StaleEdit
from pmqa4.plans import selectors, services
from pmqa4.plans.models import Direction, KpiBaseline, KpiSheet, KpiSheetStep

from .test_builders import dimension, kpi

pytestmark = pytest.mark.django_db

COMPLETE = {
    "unit_of_measure": "ร้อยละ",
    "calculation": "ก ÷ ข × 100",
    "definition": "ชุดข้อมูลที่เปิดเผย",
    "collection_method": "รายงานรายไตรมาส",
    "collection_frequency": "รายไตรมาส",
    "data_source": "ระบบข้อมูลกลาง",
    "supervisor_name": "นายกำกับ ดูแล",
    "supervisor_phone": "0 2232 1400",
    "supervisor_email": "",
    "collector_name": "",
    "collector_phone": "",
    "collector_email": "",
    "direction": Direction.HIGHER,
}


@pytest.fixture
def who(cast, cycle):
    return {"unit": cast.unit_a, "cycle": cycle, "actor": cast.coordinator_a}


@pytest.fixture
def bare(who, cycle):
    return kpi(who["unit"], cycle, "K1", sheet=None)


def save(who, target_kpi, *, version=0, seen=None, target="80", **changes):
    values = {**COMPLETE, "dimension": dimension(2), "target": Decimal(target), **changes}
    return services.kpi_sheet_save(
        **who,
        version=version,
        seen=seen,
        kpi=target_kpi,
        name="ร้อยละของชุดข้อมูลที่เปิดเผย",
        values=values,
        baselines={2565: Decimal("40"), 2566: None, 2567: Decimal("55.5")},
    )


def test_the_first_save_creates_the_sheet_its_baseline_and_renames_the_kpi(who, bare):
    sheet = save(who, bare)
    assert sheet.version == 1 and sheet.missing_fields() == []
    assert bare.name == "ร้อยละของชุดข้อมูลที่เปิดเผย"
    rows = KpiBaseline.objects.filter(sheet=sheet).order_by("fiscal_year")
    assert list(rows.values_list("fiscal_year", "value")) == [
        (2565, Decimal("40")),
        (2567, Decimal("55.5")),
    ]


def test_a_higher_is_better_target_of_zero_is_refused_and_nothing_is_written(who, bare):
    with pytest.raises(ValidationError) as error:
        save(who, bare, target="0")
    assert error.value.message_dict == {"target": ["ตัวชี้วัดแบบค่ามากดีต้องมีค่าเป้าหมายมากกว่า ๐"]}
    assert not KpiSheet.objects.exists() and not KpiBaseline.objects.exists()
    bare.refresh_from_db()
    assert bare.name == "ตัวชี้วัด K1"


def test_an_existing_sheet_keeps_its_values_and_version_when_target_zero_is_refused(who, bare):
    save(who, bare)
    with pytest.raises(ValidationError):
        save(who, bare, version=1, target="0", unit_of_measure="คน")
    sheet = KpiSheet.objects.get()
    assert (sheet.version, sheet.target, sheet.unit_of_measure) == (1, Decimal("80"), "ร้อยละ")


def test_a_lower_is_better_target_of_zero_is_saved(who, bare):
    sheet = save(who, bare, target="0", direction=Direction.LOWER)
    assert KpiSheet.objects.get(pk=sheet.pk).target == Decimal("0")


def test_a_stale_sheet_save_lists_the_fields_the_other_save_changed(who, cycle, bare):
    save(who, bare)
    seen = selectors.sheet_state(selectors.kpi_sheet(who["unit"], cycle, "K1"))
    save(who, bare, version=1, seen=seen, unit_of_measure="คน")
    with pytest.raises(StaleEdit) as stale:
        save(who, bare, version=1, seen=seen, data_source="อื่น")
    assert stale.value.changes == [("๓. หน่วยวัด", "ร้อยละ", "คน")]
    assert KpiSheet.objects.get().data_source == "ระบบข้อมูลกลาง"


def test_sheet_steps_are_numbered_and_move_up_after_a_delete(who, bare):
    for detail in ["วางแผน", "ดำเนินการ", "รายงาน"]:
        version = KpiSheet.objects.filter(kpi=bare).values_list("version", flat=True).first()
        services.kpi_sheet_step_add(
            **who, version=version or 0, kpi=bare, detail=detail, evidence="บันทึกข้อความ"
        )
    sheet = KpiSheet.objects.get()
    services.kpi_sheet_step_delete(
        **who, version=sheet.version, seen=None, kpi=bare, step=sheet.steps.get(number=1)
    )
    steps = KpiSheetStep.objects.order_by("number").values_list("number", "detail")
    assert list(steps) == [(1, "ดำเนินการ"), (2, "รายงาน")]
    assert KpiSheet.objects.get().version == 4  # created by the first step, then 3 saves

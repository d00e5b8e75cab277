"""Reporting a KPI actual (step 5): what is refused, with which Thai message, and history."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from pmqa4.core.errors import WorkflowError
from pmqa4.core.testing.factories import bangkok
from pmqa4.plans.models import KpiActual
from pmqa4.reports import services
from pmqa4.reports.selectors import kpi_result

from . import NOW, add_activity, add_actual, add_kpi, panel, set_state

pytestmark = pytest.mark.django_db


def kpi_in_plan(cast, cycle, **kwargs):
    kpi = add_kpi(cast.unit_a, cycle, **kwargs)
    add_activity(cast.unit_a, cycle, kpis=[kpi])
    return kpi


def report(cast, cycle, kpi, *, now=NOW, user=None, **fields):
    values = {"value": Decimal("90"), "measured_on": dt.date(2025, 9, 1), **fields}
    user = user or cast.coordinator_a
    return services.kpi_actual_report(
        result=kpi_result(unit=cast.unit_a, cycle=cycle, pk=kpi.pk),
        cycle=cycle,
        panel=panel(user, cast.unit_a, cycle, 5, now=now),
        actor=user,
        now=now,
        **values,
    )


def errors_of(excinfo) -> dict:
    return {field: messages[0] for field, messages in excinfo.value.message_dict.items()}


def test_an_actual_that_reaches_the_threshold_needs_no_cause(cast, cycle):
    kpi = kpi_in_plan(cast, cycle, target="80")
    actual = report(cast, cycle, kpi, value=Decimal("68"), note=" ผลสะสม ")  # exactly 85 %
    assert actual.reported_by == cast.coordinator_a and actual.reported_at == NOW
    assert actual.note == "ผลสะสม" and actual.value == Decimal("68")


def test_an_actual_below_the_threshold_requires_its_cause_and_remedy(cast, cycle):
    kpi = kpi_in_plan(cast, cycle, target="80")
    with pytest.raises(ValidationError) as invalid:
        report(cast, cycle, kpi, value=Decimal("67.99"), cause="  ", remedy="")
    assert errors_of(invalid) == {
        "cause": "ผลต่ำกว่าเกณฑ์ร้อยละ 85 กรุณาระบุสาเหตุที่ไม่บรรลุเป้าหมาย",
        "remedy": "ผลต่ำกว่าเกณฑ์ร้อยละ 85 กรุณาระบุแนวทางแก้ไข",
    }
    assert not KpiActual.objects.exists()


def test_each_missing_field_gets_its_own_message(cast, cycle):
    kpi = kpi_in_plan(cast, cycle, target="80")
    with pytest.raises(ValidationError) as invalid:
        report(cast, cycle, kpi, value=Decimal("10"), cause="งบประมาณล่าช้า")
    assert list(errors_of(invalid)) == ["remedy"]


def test_a_below_threshold_actual_with_cause_and_remedy_is_kept(cast, cycle):
    kpi = kpi_in_plan(cast, cycle, target="80")
    actual = report(cast, cycle, kpi, value=Decimal("10"), cause="ล่าช้า", remedy="เร่งรัด")
    assert (actual.cause, actual.remedy) == ("ล่าช้า", "เร่งรัด")


def test_a_lower_is_better_kpi_is_below_when_the_actual_exceeds_its_target(cast, cycle):
    kpi = kpi_in_plan(cast, cycle, target="10", direction="lower")
    report(cast, cycle, kpi, value=Decimal("8"))  # better than target
    with pytest.raises(ValidationError) as invalid:
        report(cast, cycle, kpi, value=Decimal("12"))  # 83.33 %
    assert set(errors_of(invalid)) == {"cause", "remedy"}


def test_a_negative_actual_is_refused(cast, cycle):
    kpi = kpi_in_plan(cast, cycle)
    with pytest.raises(ValidationError) as invalid:
        report(cast, cycle, kpi, value=Decimal("-1"))
    assert errors_of(invalid) == {"value": "ผลการดำเนินงานต้องไม่ติดลบ"}


BEFORE_START = "วันที่วัดผลต้องไม่ก่อนวันเริ่มปีงบประมาณ (1 ต.ค. 2567)"
IN_FUTURE = "วันที่วัดผลต้องไม่เป็นวันในอนาคต"


@pytest.mark.parametrize(
    ("measured_on", "refused_with"),
    [
        (dt.date(2024, 9, 30), BEFORE_START),  # the day before FY2568 starts
        (dt.date(2024, 10, 1), None),  # its first day, 1 Oct 2567
        (dt.date(2025, 9, 20), None),  # today
        (dt.date(2025, 9, 21), IN_FUTURE),  # tomorrow
    ],
)
def test_the_measurement_date_lies_between_the_fiscal_year_start_and_today(
    cast, cycle, measured_on, refused_with
):
    kpi = kpi_in_plan(cast, cycle)
    if refused_with is None:
        assert report(cast, cycle, kpi, measured_on=measured_on).measured_on == measured_on
        return
    with pytest.raises(ValidationError) as invalid:
        report(cast, cycle, kpi, measured_on=measured_on)
    assert errors_of(invalid) == {"measured_on": refused_with}
    assert not KpiActual.objects.exists()


def test_today_is_the_bangkok_day_not_the_utc_one(cast, cycle):
    kpi = kpi_in_plan(cast, cycle)
    just_after_midnight = bangkok("2025-09-21 00:30")  # still 20 Sep in UTC
    actual = report(cast, cycle, kpi, measured_on=dt.date(2025, 9, 21), now=just_after_midnight)
    assert actual.measured_on == dt.date(2025, 9, 21)


def test_a_measurement_after_the_fiscal_year_is_accepted(cast, cycle):
    kpi = kpi_in_plan(cast, cycle)
    late = bangkok("2025-10-15 10:00")
    assert report(cast, cycle, kpi, measured_on=dt.date(2025, 10, 2), now=late)


def test_a_kpi_without_a_target_refuses_its_actual(cast, cycle):
    kpi = kpi_in_plan(cast, cycle, target=None)
    with pytest.raises(WorkflowError, match="แบบฟอร์ม ๓"):
        report(cast, cycle, kpi)
    assert not KpiActual.objects.exists()


def test_earlier_reports_stay_and_the_latest_counts(cast, cycle):
    kpi = kpi_in_plan(cast, cycle, target="80")
    add_actual(kpi, "40", at=bangkok("2025-06-01 09:00"), cause="ช้า", remedy="เร่ง")
    report(cast, cycle, kpi, value=Decimal("88"))
    result = kpi_result(unit=cast.unit_a, cycle=cycle, pk=kpi.pk)
    assert [a.value for a in result.actuals] == [Decimal("88"), Decimal("40")]
    assert result.status == "reached" and str(result.assessment.shown) == "110.00"


def test_a_submitted_step_5_refuses_new_actuals(cast, cycle):
    kpi = kpi_in_plan(cast, cycle)
    set_state(cast.unit_a, cycle, 5, "submitted")
    with pytest.raises(WorkflowError, match="ส่งแล้ว"):
        report(cast, cycle, kpi)
    assert not KpiActual.objects.exists()


def test_an_evaluator_may_not_report(cast, cycle):
    kpi = kpi_in_plan(cast, cycle)
    with pytest.raises(WorkflowError):
        report(cast, cycle, kpi, user=cast.evaluator)

"""Form 4 services: field 3.2's draft, the causes/remedies offered for fields 4 and 5.1, saving."""

import pytest

from pmqa4.core.errors import WorkflowError
from pmqa4.core.locking import StaleEdit
from pmqa4.core.testing.factories import bangkok
from pmqa4.reports import services
from pmqa4.reports.models import ResultsReport
from pmqa4.reports.selectors import activity_kpi_results, report_rows

from . import add_activity, add_actual, add_kpi, add_report, panel, plan_with, set_state

pytestmark = pytest.mark.django_db

EMPTY = dict.fromkeys(services.REPORT_FIELDS, "")


@pytest.fixture
def activity(cast, cycle):
    k1 = add_kpi(cast.unit_a, cycle, code="K1", name="ร้อยละของชุดข้อมูล", target="80")
    k2 = add_kpi(cast.unit_a, cycle, code="K2", name="ความพึงพอใจ", target="90")
    k3 = add_kpi(cast.unit_a, cycle, code="K3", name="จำนวนเรื่อง", target=None)
    k4 = add_kpi(cast.unit_a, cycle, code="K4", name="ระยะเวลารอคอย", target="10")
    add_actual(k1, "85")
    add_actual(k2, "60", cause="งบประมาณล่าช้า", remedy="ของบกลางปี")
    add_actual(k3, "4")
    # K4 has no actual yet
    return add_activity(cast.unit_a, cycle, kpis=[k1, k2, k3, k4])


def test_kpi_results_text_drafts_one_line_per_kpi_from_the_latest_actuals(activity, cycle):
    text = services.kpi_results_text(activity_kpi_results(activity=activity, cycle=cycle))
    assert text.splitlines() == [
        "K1 ร้อยละของชุดข้อมูล: ผล 85 ร้อยละ จากค่าเป้าหมาย 80 (คิดเป็นร้อยละ 106.25 ของเป้าหมาย)",
        "K2 ความพึงพอใจ: ผล 60 ร้อยละ จากค่าเป้าหมาย 90 (คิดเป็นร้อยละ 66.67 ของเป้าหมาย)",
        "K3 จำนวนเรื่อง: ผล 4 ร้อยละ (ยังไม่ได้กำหนดค่าเป้าหมาย)",
        "K4 ระยะเวลารอคอย: ยังไม่มีการรายงานผล",
    ]


def test_the_latest_actual_is_the_one_that_counts(activity, cycle):
    k1 = activity.kpis.get(code="K1")
    add_actual(k1, "40", at=bangkok("2025-09-21 10:00"))
    text = services.kpi_results_text(activity_kpi_results(activity=activity, cycle=cycle))
    assert "K1 ร้อยละของชุดข้อมูล: ผล 40 ร้อยละ" in text


def test_causes_and_remedies_of_below_threshold_actuals_are_offered_for_fields_4_and_5_1(
    activity, cycle
):
    suggestions = services.report_suggestions(activity_kpi_results(activity=activity, cycle=cycle))
    assert suggestions.problems == "K2 ความพึงพอใจ (ร้อยละ 66.67 ของเป้าหมาย): งบประมาณล่าช้า"
    assert suggestions.remedies == "K2 ความพึงพอใจ (ร้อยละ 66.67 ของเป้าหมาย): ของบกลางปี"


def test_kpis_that_reach_the_threshold_offer_nothing(cast, cycle):
    kpi = add_kpi(cast.unit_a, cycle, code="K9", target="80")
    add_actual(kpi, "79", cause="เก่า", remedy="เก่า", at=bangkok("2025-06-01 09:00"))
    add_actual(kpi, "80")
    activity = add_activity(cast.unit_a, cycle, kpis=[kpi])
    assert not services.report_suggestions(activity_kpi_results(activity=activity, cycle=cycle))


def test_appending_suggestions_adds_only_lines_not_already_there():
    assert services.append_lines("", "ก\nข") == "ก\nข"
    assert services.append_lines("เดิม", "ก") == "เดิม\nก"
    assert services.append_lines("เดิม\nก", "ก\nข") == "เดิม\nก\nข"
    assert services.append_lines("เดิม\nก", "ก") == "เดิม\nก"


def test_the_form_starts_with_3_2_drafted_when_it_is_blank(activity, cycle):
    results = activity_kpi_results(activity=activity, cycle=cycle)
    initial = services.report_initial(None, results)
    assert initial["version"] == 0 and initial["objective"] == ""
    assert initial["result_kpis"].startswith("K1 ร้อยละของชุดข้อมูล: ผล 85")
    written = add_report(activity, result_kpis="เขียนเอง")
    assert services.report_initial(written, results)["result_kpis"] == "เขียนเอง"


def test_the_first_save_creates_the_report(cast, cycle, activity):
    report = services.report_save(
        activity=activity,
        panel=panel(cast.coordinator_a, cast.unit_a, cycle, 4),
        actor=cast.coordinator_a,
        version=0,
        data={**EMPTY, "objective": "เพื่อเผยแพร่"},
        seen=EMPTY,
    )
    assert report.objective == "เพื่อเผยแพร่" and report.version == 1
    assert report.updated_by == cast.coordinator_a


def test_a_save_from_the_current_version_moves_it_on(cast, cycle, activity):
    add_report(activity, objective="เดิม")
    report = services.report_save(
        activity=activity,
        panel=panel(cast.coordinator_a, cast.unit_a, cycle, 4),
        actor=cast.coordinator_a,
        version=1,
        data={**EMPTY, "objective": "ใหม่"},
        seen={**EMPTY, "objective": "เดิม"},
    )
    assert ResultsReport.objects.get().objective == "ใหม่" and report.version == 2


def test_a_stale_save_is_refused_and_says_what_changed(cast, cycle, activity):
    add_report(activity, objective="ของอีกคน")
    ResultsReport.objects.update(version=2)
    with pytest.raises(StaleEdit) as stale:
        services.report_save(
            activity=activity,
            panel=panel(cast.coordinator_a, cast.unit_a, cycle, 4),
            actor=cast.coordinator_a,
            version=1,
            data={**EMPTY, "objective": "ของฉัน"},
            seen={**EMPTY, "objective": "เดิม"},
        )
    assert stale.value.changes == [("๒. วัตถุประสงค์", "เดิม", "ของอีกคน")]
    assert ResultsReport.objects.get().objective == "ของอีกคน"


def test_a_first_save_after_someone_else_created_the_report_is_stale(cast, cycle, activity):
    add_report(activity, objective="ของอีกคน")
    with pytest.raises(StaleEdit):
        services.report_save(
            activity=activity,
            panel=panel(cast.coordinator_a, cast.unit_a, cycle, 4),
            actor=cast.coordinator_a,
            version=0,
            data={**EMPTY, "objective": "ของฉัน"},
            seen=EMPTY,
        )
    assert ResultsReport.objects.get().objective == "ของอีกคน"


@pytest.mark.parametrize(
    ("state", "message"),
    [
        ("awaiting_sign_off", "รอผู้บริหารลงนาม"),
        ("submitted", "ส่งแล้ว"),
        ("accepted", "ส่งแล้ว"),
    ],
)
def test_a_step_that_is_not_editable_refuses_the_save(cast, cycle, activity, state, message):
    set_state(cast.unit_a, cycle, 4, state)
    with pytest.raises(WorkflowError, match=message):
        services.report_save(
            activity=activity,
            panel=panel(cast.coordinator_a, cast.unit_a, cycle, 4),
            actor=cast.coordinator_a,
            version=0,
            data=EMPTY,
            seen=EMPTY,
        )
    assert not ResultsReport.objects.exists()


def test_a_returned_step_can_be_edited_again(cast, cycle, activity):
    set_state(cast.unit_a, cycle, 4, "returned")
    services.report_save(
        activity=activity,
        panel=panel(cast.coordinator_a, cast.unit_a, cycle, 4),
        actor=cast.coordinator_a,
        version=0,
        data=EMPTY,
        seen=EMPTY,
    )
    assert ResultsReport.objects.exists()


def test_the_executive_may_not_save(cast, cycle, activity):
    with pytest.raises(WorkflowError, match="ผู้ประสานงาน"):
        services.report_save(
            activity=activity,
            panel=panel(cast.executive_a, cast.unit_a, cycle, 4),
            actor=cast.executive_a,
            version=0,
            data=EMPTY,
            seen=EMPTY,
        )


def test_the_checklist_names_activities_without_a_report_and_blank_fields(cast, cycle):
    first, second, third = plan_with(cast.unit_a, cycle, activities=3)
    ResultsReport.objects.filter(activity=third).update(
        **dict.fromkeys(services.REPORT_FIELDS, "ครบ")
    )
    rows = report_rows(unit=cast.unit_a, cycle=cycle)
    assert [(row.activity.label, row.state) for row in rows] == [
        ("1.1", "incomplete"),
        ("2.1", "missing"),
        ("3.1", "filled"),
    ]
    assert rows[0].missing == ["๓.๑", "๓.๒", "๓.๓", "๔", "๕.๑", "๕.๒", "๖"]

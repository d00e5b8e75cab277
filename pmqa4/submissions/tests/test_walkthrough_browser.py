"""One unit's year through a real browser: the coordinator fills and submits, the executive
signs, the central group returns a step with a comment, the coordinator fixes and resubmits,
the central group accepts. Each screen is saved under var/test-output/walkthrough/."""

from pathlib import Path

import pytest
from django.conf import settings

from pmqa4.core.tests.test_browser import log_in
from pmqa4.demo.build import UnitYearBuilder
from pmqa4.framework.models import Characteristic, Dimension, MaturityLevel, PmqaCategory
from pmqa4.framework.reference import load_reference_data
from pmqa4.plans.models import Activity
from pmqa4.reports.models import ResultsReport
from pmqa4.scoring.tests.builders import complete_scenario
from pmqa4.submissions.models import State, Submission

from .test_uploads import PDF

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
SCREENS = Path(settings.BASE_DIR) / "var" / "test-output" / "walkthrough"


class Screens:
    def __init__(self, page):
        self.page = page
        self.count = 0
        SCREENS.mkdir(parents=True, exist_ok=True)

    def __call__(self, name):
        self.count += 1
        self.page.screenshot(path=SCREENS / f"{self.count:02d}-{name}.png", full_page=True)


def plans_without_submissions(cast, cycle):
    """Forms 1–3 written (as a coordinator would have), nothing submitted yet.

    A transactional test may start after another one emptied the tables, the migrations'
    reference rows included: put the dimensions back first (idempotent)."""
    load_reference_data(
        category=PmqaCategory,
        dimension=Dimension,
        characteristic=Characteristic,
        maturity=MaturityLevel,
    )
    scenario = complete_scenario(
        cast.unit_a.code,
        members=(),
        roster=None,
        attended=(),
        plans=None,
        report=None,
        actuals_reported_at=None,
    )
    people = {
        "coordinator": cast.coordinator_a,
        "executive": cast.executive_a,
        "central": cast.central,
        "evaluator": cast.evaluator,
    }
    UnitYearBuilder(cycle=cycle, unit=cast.unit_a, scenario=scenario, people=people).build()
    for activity in Activity.objects.filter(action_plan__unit=cast.unit_a):
        ResultsReport.objects.create(activity=activity, objective="ให้บริการประชาชนได้เร็วขึ้น")


def state(cast, step):
    return Submission.objects.get(unit=cast.unit_a, step__number=step).state


def go(page, path):
    page.goto(page.base_url + path)
    page.wait_for_load_state("networkidle")


def switch(page, username):
    page.context.clear_cookies()
    log_in(page, username)


def sign(page, cast, step, screens, name):
    switch(page, "exec.a")
    go(page, f"/units/OPS-AAA/2568/steps/{step}/sign/")
    screens(name)
    page.get_by_label("รหัสผ่านของท่าน (ยืนยันการลงนาม)").fill("pw-for-tests")
    page.get_by_role("button", name="ลงนามและส่ง").click()
    page.wait_for_load_state("networkidle")


def test_a_units_year_from_roster_to_acceptance(page, cast, cycle):
    plans_without_submissions(cast, cycle)
    screens = Screens(page)

    # Step 1: the coordinator adds a member and submits the roster.
    log_in(page, "coord.a")
    screens("unit-home")
    go(page, "/units/OPS-AAA/2568/roster/")
    page.get_by_role("link", name="เพิ่มสมาชิก").click()
    page.get_by_label("ชื่อ-สกุล").fill("นางสาวกานดา ใจดี")
    page.get_by_label("ตำแหน่ง").fill("นักวิเคราะห์นโยบายและแผนชำนาญการ")
    page.get_by_label("โทรศัพท์").fill("02-232-1234")
    page.get_by_label("อีเมล").fill("kanda@example.go.th")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert "0 2232 1234" in page.content()
    screens("roster-filled")
    page.get_by_role("button", name="ส่งขั้นตอนนี้").click()
    page.wait_for_load_state("networkidle")
    screens("roster-submitted")
    assert state(cast, 1) == State.SUBMITTED

    # Step 3: the coordinator asks for the signature; the executive signs.
    go(page, "/units/OPS-AAA/2568/plans/")
    screens("plans-checklist")
    page.get_by_role("button", name="เสนอผู้บริหารลงนาม").click()
    page.wait_for_load_state("networkidle")
    assert state(cast, 3) == State.AWAITING_SIGN_OFF
    sign(page, cast, 3, screens, "plans-sign")
    assert state(cast, 3) == State.SUBMITTED

    # The central group returns it with a comment and a correction due date.
    switch(page, "central")
    go(page, "/central/review/?year=2568")
    screens("review-queue")
    page.get_by_role("link", name=cast.unit_a.name_th).filter(
        has_text=cast.unit_a.name_th
    ).last.click()
    page.wait_for_load_state("networkidle")
    screens("review")
    page.get_by_label("สิ่งที่หน่วยงานต้องแก้ไข").fill("กรุณาแนบคำสั่งแต่งตั้งคณะทำงานเป็นหลักฐาน")
    page.get_by_role("button", name="ส่งกลับ", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert state(cast, 3) == State.RETURNED

    # The coordinator sees the comment, attaches the evidence and asks for the signature again.
    switch(page, "coord.a")
    go(page, "/units/OPS-AAA/2568/plans/")
    assert "กรุณาแนบคำสั่งแต่งตั้งคณะทำงานเป็นหลักฐาน" in page.content()
    screens("plans-returned")
    evidence = SCREENS / "คำสั่งแต่งตั้ง.pdf"
    evidence.write_bytes(PDF)
    page.locator("input[type=file]").set_input_files(str(evidence))
    page.get_by_role("button", name="แนบไฟล์").click()
    page.wait_for_load_state("networkidle")
    assert "คำสั่งแต่งตั้ง.pdf" in page.content()
    page.get_by_role("button", name="เสนอผู้บริหารลงนาม").click()
    page.wait_for_load_state("networkidle")
    sign(page, cast, 3, screens, "plans-sign-again")
    assert state(cast, 3) == State.RESUBMITTED

    # Step 4: Form 4 signed the same way.
    switch(page, "coord.a")
    go(page, "/units/OPS-AAA/2568/report/")
    screens("reports")
    page.get_by_role("button", name="เสนอผู้บริหารลงนาม").click()
    page.wait_for_load_state("networkidle")
    sign(page, cast, 4, screens, "report-sign")
    assert state(cast, 4) == State.SUBMITTED

    # Step 5: the coordinator reports a KPI's result and submits.
    switch(page, "coord.a")
    go(page, "/units/OPS-AAA/2568/actuals/")
    card = page.locator("form", has=page.get_by_role("button", name="บันทึกผล")).first
    card.get_by_label("ผลการดำเนินงาน").fill("82")
    card.get_by_label("ณ วันที่").fill("2025-09-15")
    card.get_by_role("button", name="บันทึกผล").click()
    page.wait_for_load_state("networkidle")
    screens("actuals")
    page.get_by_role("button", name="ส่งขั้นตอนนี้").click()
    page.wait_for_load_state("networkidle")
    assert state(cast, 5) == State.SUBMITTED

    # The central group accepts the corrected plans.
    switch(page, "central")
    submission = Submission.objects.get(unit=cast.unit_a, step__number=3)
    go(page, f"/central/review/{submission.pk}/")
    page.get_by_role("button", name="ตรวจรับ").click()
    page.wait_for_load_state("networkidle")
    screens("accepted")
    assert state(cast, 3) == State.ACCEPTED
    go(page, "/units/OPS-AAA/score/?year=2568")
    screens("score")

"""Through a real browser: the central administrator posts an announcement with a file, a
coordinator reads it, asks a question and reads the answer. Screenshots go to
var/test-output/notices/ for people to look at."""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from pmqa4.notices.contact import save_contact_card
from pmqa4.notices.models import Announcement, Faq
from pmqa4.org.models import UnitKind

from .conftest import PDF, announce, pptx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pw-for-tests"
SHOTS = Path(settings.BASE_DIR) / "var" / "test-output" / "notices"


def log_in(page, username):
    page.context.clear_cookies()
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_load_state("networkidle")


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_announcements_and_a_question_thread(page, cast, cycle, tmp_path):
    page.set_default_timeout(60_000)  # a shared, busy machine
    announce(
        cast.central,
        "กำหนดส่งแบบฟอร์มที่ ๓ ภายในวันที่ ๓๑ มกราคม ๒๕๖๘",
        body="ขอให้ผู้ประสานงานส่งแบบฟอร์มที่ ๓ ผ่านระบบ พร้อมให้ผู้บริหารลงนามในระบบ",
        published_on=dt.date(2025, 1, 6),
    )
    announce(
        cast.central,
        "ขอความร่วมมือสำนักงานแรงงานจังหวัดตรวจสอบรายชื่อทีมงาน",
        kinds=[UnitKind.PROVINCIAL_OFFICE],
    )
    Faq.objects.create(
        question="ส่งแบบฟอร์มทางอีเมลแทนการส่งในระบบได้หรือไม่",
        answer="ไม่ได้ ส่งผ่านระบบเท่านั้น ระบบบันทึกเวลาส่งเพื่อใช้คิดคะแนน",
        created_by=cast.central,
    )
    save_contact_card(
        name="กลุ่มพัฒนาระบบบริหาร สำนักงานปลัดกระทรวงแรงงาน",
        phone="0 2232 1367",
        email="asdc@mol.mail.go.th",
        line_id="@pmqa4-mol",
        note="จันทร์–ศุกร์ 08.30–16.30 น.",
    )
    slides = tmp_path / "สไลด์ชี้แจงตัวชี้วัด.pptx"
    slides.write_bytes(pptx())
    schedule = tmp_path / "กำหนดการประชุม.pdf"
    schedule.write_bytes(PDF)

    # The central administrator posts a pinned announcement to every unit, with two files.
    log_in(page, "central")
    page.goto(page.base_url + "/announcements/new/")
    shot(page, "announcement-form")
    page.get_by_label("หัวข้อ").fill("เชิญประชุมชี้แจงตัวชี้วัด PMQA 4.0 ปีงบประมาณ พ.ศ. ๒๕๖๘")
    page.get_by_label("รายละเอียด").fill(
        "ขอเชิญผู้ประสานงานทุกหน่วยงานเข้าร่วมประชุมชี้แจง\n"
        "วันที่ ๑๐ มกราคม ๒๕๖๘ เวลา ๐๙.๐๐ น. ห้องประชุม ๑ ชั้น ๑๐\n"
        "ประชุมออนไลน์ได้ที่ https://meet.example.go.th/pmqa"
    )
    page.get_by_label("ปักหมุดไว้บนสุด").check()
    page.locator("input[type=file]").set_input_files([str(slides), str(schedule)])
    page.get_by_role("button", name="บันทึกประกาศ").click()
    page.wait_for_load_state("networkidle")
    assert "เผยแพร่ประกาศและแจ้งหน่วยงานแล้ว" in page.content()
    assert Announcement.objects.get(pinned=True).files.count() == 2

    # A coordinator of a division: the pinned one on top, the provincial one not there.
    log_in(page, "coord.a")
    page.goto(page.base_url + "/announcements/")
    items = page.get_by_test_id("announcement")
    assert items.count() == 2
    assert "เชิญประชุมชี้แจง" in items.first.inner_text()
    assert "ปักหมุด" in items.first.inner_text()
    assert "แรงงานจังหวัดตรวจสอบ" not in page.content()
    shot(page, "announcements")
    items.first.get_by_role("link").click()
    expect(page.get_by_test_id("attachments").locator("li")).to_have_count(2)
    shot(page, "announcement-detail")

    # The coordinator asks; the central administrator answers; the coordinator reads it.
    page.goto(page.base_url + "/questions/new/")
    page.get_by_label("เรื่อง").fill("แนบสไลด์ PowerPoint เป็นหลักฐานขั้นตอนที่ ๕ ได้หรือไม่")
    page.get_by_label("คำถาม").fill(
        "หน่วยงานมีสไลด์สรุปผลการดำเนินงานเป็นไฟล์ .pptx\nแนบเป็นหลักฐานได้หรือต้องแปลงเป็น PDF ก่อนคะ"
    )
    page.get_by_role("button", name="ส่งคำถาม").click()
    page.wait_for_load_state("networkidle")
    thread_url = page.url
    log_in(page, "central")
    page.goto(thread_url)
    page.get_by_label("ข้อความ").fill(
        "หลักฐานของขั้นตอนที่ ๕ รับไฟล์ PDF, PNG, JPEG, DOCX และ XLSX\n"
        "กรุณาบันทึกสไลด์เป็น PDF (File > Save As > PDF) แล้วแนบใหม่"
    )
    page.get_by_role("button", name="ส่งคำตอบและแจ้งหน่วยงาน").click()
    page.wait_for_load_state("networkidle")
    page.goto(page.base_url + "/questions/")
    assert "OPS-AAA" in page.get_by_test_id("thread").inner_text()
    shot(page, "questions-central")
    log_in(page, "coord.a")
    page.goto(thread_url)
    assert page.get_by_test_id("answer").count() == 1
    assert "บันทึกสไลด์เป็น PDF" in page.get_by_test_id("answer").inner_text()
    assert "ติดต่อส่วนกลาง" in page.get_by_test_id("contact-card").inner_text()
    shot(page, "thread")

    page.goto(page.base_url + "/questions/")
    shot(page, "questions")
    page.goto(page.base_url + "/faq/")
    shot(page, "faq")
    page.goto(page.base_url + "/units/OPS-AAA/")
    assert "0 2232 1367" in page.get_by_test_id("contact-card").inner_text()
    shot(page, "unit-home-contact")

"""What FY2570's first weeks left on the notice board: announcements, a unit's extension, the
questions units asked (one answered and made an FAQ, one waiting), as the central group would
have written them. Found again by their natural keys, so a second run adds nothing."""

import datetime as dt

from pmqa4.core.fiscal import BANGKOK
from pmqa4.cycles.models import Cycle, Step, StepExtension
from pmqa4.notices.models import Announcement, AnnouncementAudience, Faq, Post, Thread
from pmqa4.org.models import Unit, UnitKind, User


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=BANGKOK)


# title, published on, pinned, kinds addressed (None: every unit), body
ANNOUNCEMENTS = [
    (
        "กำหนดการขับเคลื่อน PMQA 4.0 ปีงบประมาณ พ.ศ. 2570",
        dt.date(2026, 10, 15),
        True,
        None,
        "กลุ่มพัฒนาระบบบริหารแจ้งกำหนดการ 5 ขั้นตอนของปีงบประมาณ พ.ศ. 2570 ดูรายละเอียดและวันครบกำหนด"
        "ของแต่ละขั้นตอนได้ที่หน้าปฏิทินรอบปี\n"
        "แบบฟอร์มที่ 1–4 ฉบับว่างดาวน์โหลดได้จากหน้าแบบฟอร์มเปล่า (มีคิวอาร์โค้ดสำหรับสไลด์ชี้แจง)",
    ),
    (
        "ขอให้ส่งรายชื่อคณะทำงาน PMQA Team ภายในวันที่ 4 ธันวาคม 2569",
        dt.date(2026, 11, 16),
        False,
        None,
        "ขั้นตอนที่ 1 ครบกำหนดวันที่ 4 ธันวาคม 2569 เวลา 23:59 น. ส่งหลังจากนั้นถือว่าล่าช้า"
        " (หักคะแนน 0.05)\nรายชื่อต้องมีตำแหน่ง และโทรศัพท์หรืออีเมลของสมาชิกทุกคน",
    ),
    (
        "ประชุมชี้แจงผ่านระบบออนไลน์สำหรับสำนักงานแรงงานจังหวัด",
        dt.date(2026, 11, 18),
        False,
        (UnitKind.PROVINCIAL_OFFICE,),
        "ขอเชิญผู้ประสานงานของสำนักงานแรงงานจังหวัดเข้าร่วมประชุมชี้แจงผ่านระบบออนไลน์"
        " วันที่ 20 พฤศจิกายน 2569 เวลา 09:30–12:00 น. ลิงก์เข้าร่วมประชุมจะแจ้งทางอีเมล",
    ),
]

# unit, asked at, title, question, answer (at, text) or None, FAQ question if promoted
QUESTIONS = [
    (
        "PLO-CNX",
        at("2026-11-19 10:20"),
        "ผู้รับผิดชอบในแบบฟอร์ม 2 ต้องเป็นหัวหน้ากลุ่มงานหรือไม่",
        "แผนปฏิบัติการของสำนักงานมีหลายกิจกรรมที่ทำร่วมกันหลายกลุ่มงาน"
        " ช่องผู้รับผิดชอบต้องระบุชื่อหัวหน้ากลุ่มงานหรือใส่ชื่อกลุ่มงานได้เลย",
        (
            at("2026-11-19 14:05"),
            "ระบุชื่อกลุ่มงานได้ หากทำร่วมกันหลายกลุ่มให้ระบุกลุ่มงานหลักก่อนแล้วตามด้วยกลุ่มงานร่วม ไม่ต้องใส่ชื่อบุคคล",
        ),
        "ช่องผู้รับผิดชอบในแบบฟอร์ม 2 ต้องระบุชื่อบุคคลหรือไม่",
    ),
    (
        "OPS-SPD",
        at("2026-11-25 16:40"),
        "แนบสไลด์ PowerPoint เป็นหลักฐานได้หรือไม่",
        "กองมีสไลด์สรุปผลการประชุมคณะทำงาน ต้องแปลงเป็น PDF ก่อนแนบเป็นหลักฐานหรือไม่",
        None,
        None,
    ),
]

FAQS = [
    (
        "ส่งแบบฟอร์มช้ากว่ากำหนดหนึ่งวันหักคะแนนเท่าไร",
        "หัก 0.05 คะแนนต่อขั้นตอน ไม่ว่าจะช้ากี่วัน และไม่หักซ้ำหากขั้นตอนนั้นไม่ครบถ้วนด้วย"
        " ดูเหตุผลการหักคะแนนทุกรายการได้ที่หน้าคะแนนของหน่วยงาน",
    ),
]

# FY2570: a remote province's roster is due a week later (the central group's decision).
EXTENSIONS = [
    (
        "PLO-CRI",
        1,
        dt.date(2026, 12, 11),
        "สำนักงานอยู่ในพื้นที่ห่างไกล ผู้ประสานงานเพิ่งได้รับการแต่งตั้ง ขอขยายเวลาส่งรายชื่อคณะทำงาน",
    ),
]


def build_notices(cycle: Cycle, units: dict[str, Unit], central: User, evaluator: User) -> None:
    for title, published_on, pinned, kinds, body in ANNOUNCEMENTS:
        announcement, _ = Announcement.objects.update_or_create(
            title=title,
            defaults={
                "body": body,
                "published_on": published_on,
                "pinned": pinned,
                "to_all_units": kinds is None,
                "created_by": central,
                "notified_at": at(f"{published_on.isoformat()} 09:00"),
            },
        )
        for kind in kinds or ():
            AnnouncementAudience.objects.get_or_create(announcement=announcement, kind=kind)
    for code, asked_at, title, question, answer, faq in QUESTIONS:
        unit = units[code]
        asker = User.objects.get(role_grants__unit=unit, role_grants__role="coordinator")
        last = answer[0] if answer else asked_at
        thread, _ = Thread.objects.update_or_create(
            unit=unit,
            title=title,
            defaults={"asked_by": asker, "awaiting_answer": answer is None, "last_post_at": last},
        )
        Thread.objects.filter(pk=thread.pk).update(created_at=asked_at)  # asked then, not now
        Post.objects.get_or_create(
            thread=thread, created_at=asked_at, defaults={"author": asker, "body": question}
        )
        if answer:
            answered_at, text = answer
            Post.objects.get_or_create(
                thread=thread,
                created_at=answered_at,
                defaults={"author": evaluator, "body": text, "is_answer": True},
            )
            if faq:
                Faq.objects.update_or_create(
                    question=faq, defaults={"answer": text, "thread": thread, "created_by": central}
                )
    for question, answer in FAQS:
        Faq.objects.update_or_create(
            question=question, defaults={"answer": answer, "created_by": central}
        )
    for code, number, due_on, reason in EXTENSIONS:
        StepExtension.objects.update_or_create(
            step=Step.objects.get(cycle=cycle, number=number),
            unit=units[code],
            defaults={"due_on": due_on, "reason": reason, "granted_by": central},
        )

"""The demo's two cycles: FY2568 with the seed's dates and meetings, and FY2570, open now."""

import datetime as dt

from pmqa4.core.fiscal import BANGKOK
from pmqa4.cycles.models import Cycle, Round, Step
from pmqa4.teams.models import Meeting, MeetingKind

D = dt.date
MINISTRY_ROOM = "ห้องประชุมประสงค์ รัตนันตน์ ชั้น ๕ อาคารกระทรวงแรงงาน"
ONLINE = "ประชุมออนไลน์ (Zoom) และห้องประชุมชั้น ๓ กลุ่มพัฒนาระบบบริหาร"

# fiscal year → {step: (opens_on, due_on)}, rounds {number: assessed_on}
CYCLES = {
    2568: {
        "plan_first_year": 2568,
        "steps": {
            1: (D(2024, 11, 1), D(2024, 11, 29)),
            2: (D(2024, 12, 20), D(2025, 9, 30)),
            3: (D(2025, 1, 17), D(2025, 1, 31)),
            4: (D(2025, 9, 15), D(2025, 9, 24)),
            5: (D(2025, 9, 15), D(2025, 9, 30)),
        },
        "rounds": {1: D(2025, 3, 31), 2: D(2025, 9, 30)},
    },
    2570: {
        "plan_first_year": 2570,
        "steps": {
            1: (D(2026, 10, 15), D(2026, 12, 4)),
            2: (D(2026, 11, 20), D(2027, 9, 30)),
            3: (D(2027, 1, 18), D(2027, 1, 29)),
            4: (D(2027, 9, 13), D(2027, 9, 24)),
            5: (D(2027, 9, 13), D(2027, 9, 30)),
        },
        "rounds": {1: D(2027, 3, 31), 2: D(2027, 9, 30)},
    },
}

# (date, start, end, title, kind, location, required)
MEETINGS = {
    2568: [
        (
            D(2024, 12, 20),
            "09:30",
            "12:00",
            "ประชุมชี้แจงตัวชี้วัดระดับความสำเร็จของการขับเคลื่อนหน่วยงานสู่ระบบราชการ ๔.๐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
            MeetingKind.MEETING,
            MINISTRY_ROOM,
            True,
        ),
        (
            D(2025, 1, 15),
            "09:00",
            "16:00",
            "ประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาหน่วยงานสู่ระบบราชการ ๔.๐ ระยะ ๓ ปี และแผนปฏิบัติการ ปี ๒๕๖๘",
            MeetingKind.TRAINING,
            MINISTRY_ROOM,
            True,
        ),
        (
            D(2025, 2, 14),
            "13:30",
            "16:00",
            "กิจกรรมแลกเปลี่ยนเรียนรู้ PMQA 4.0 หมวด ๑ และหมวด ๒",
            MeetingKind.ACTIVITY,
            ONLINE,
            True,
        ),
        (
            D(2025, 3, 14),
            "09:30",
            "12:00",
            "ประชุมติดตามความก้าวหน้าการดำเนินงานตามแผนปฏิบัติการ ครั้งที่ ๑",
            MeetingKind.MEETING,
            ONLINE,
            True,
        ),
        (
            D(2025, 3, 28),
            "09:00",
            "12:00",
            "สัมมนาวิชาการระบบราชการ ๔.๐ (เข้าร่วมตามความสมัครใจ)",
            MeetingKind.TRAINING,
            MINISTRY_ROOM,
            False,
        ),
        (
            D(2025, 4, 18),
            "09:00",
            "16:00",
            "อบรมการจัดการความรู้ (KM) และการสร้างนวัตกรรมบริการ",
            MeetingKind.TRAINING,
            MINISTRY_ROOM,
            True,
        ),
        (
            D(2025, 5, 16),
            "13:30",
            "16:00",
            "กิจกรรมแลกเปลี่ยนเรียนรู้ PMQA 4.0 หมวด ๓ และหมวด ๔",
            MeetingKind.ACTIVITY,
            ONLINE,
            True,
        ),
        (
            D(2025, 6, 13),
            "09:30",
            "12:00",
            "ประชุมติดตามความก้าวหน้าการดำเนินงานตามแผนปฏิบัติการ ครั้งที่ ๒",
            MeetingKind.MEETING,
            ONLINE,
            True,
        ),
        (
            D(2025, 7, 18),
            "09:00",
            "16:00",
            "อบรมการวิเคราะห์ข้อมูลและการวัดผลตัวชี้วัด",
            MeetingKind.TRAINING,
            MINISTRY_ROOM,
            True,
        ),
        (
            D(2025, 8, 15),
            "13:30",
            "16:00",
            "กิจกรรมแลกเปลี่ยนเรียนรู้ PMQA 4.0 หมวด ๕ และหมวด ๖",
            MeetingKind.ACTIVITY,
            ONLINE,
            True,
        ),
        (
            D(2025, 9, 12),
            "09:30",
            "12:00",
            "ประชุมเตรียมการรายงานผลการดำเนินงานตามแผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
            MeetingKind.MEETING,
            ONLINE,
            True,
        ),
    ],
    2570: [
        (
            D(2026, 11, 20),
            "09:30",
            "12:00",
            "ประชุมชี้แจงแนวทางการดำเนินงานตัวชี้วัด ประจำปีงบประมาณ พ.ศ. ๒๕๗๐ (ออนไลน์)",
            MeetingKind.MEETING,
            ONLINE,
            True,
        ),
        (
            D(2026, 12, 18),
            "09:30",
            "12:00",
            "ประชุมชี้แจงตัวชี้วัดระดับความสำเร็จของการขับเคลื่อนหน่วยงานสู่ระบบราชการ ๔.๐ ประจำปีงบประมาณ พ.ศ. ๒๕๗๐",
            MeetingKind.MEETING,
            MINISTRY_ROOM,
            True,
        ),
        (
            D(2027, 1, 14),
            "09:00",
            "16:00",
            "ประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาหน่วยงานสู่ระบบราชการ ๔.๐ ระยะ ๓ ปี (พ.ศ. ๒๕๗๐–๒๕๗๒)",
            MeetingKind.TRAINING,
            MINISTRY_ROOM,
            True,
        ),
        (
            D(2027, 3, 12),
            "09:30",
            "12:00",
            "ประชุมติดตามความก้าวหน้าการดำเนินงานตามแผนปฏิบัติการ ครั้งที่ ๑",
            MeetingKind.MEETING,
            ONLINE,
            True,
        ),
        (
            D(2027, 6, 11),
            "09:30",
            "12:00",
            "ประชุมติดตามความก้าวหน้าการดำเนินงานตามแผนปฏิบัติการ ครั้งที่ ๒",
            MeetingKind.MEETING,
            ONLINE,
            True,
        ),
        (
            D(2027, 9, 10),
            "09:30",
            "12:00",
            "ประชุมเตรียมการรายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๗๐",
            MeetingKind.MEETING,
            ONLINE,
            True,
        ),
    ],
}


def _at(day: dt.date, hhmm: str) -> dt.datetime:
    hour, minute = (int(p) for p in hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BANGKOK)


def build_cycles() -> dict[int, Cycle]:
    cycles = {}
    for year, spec in CYCLES.items():
        cycle, _ = Cycle.objects.update_or_create(
            fiscal_year=year, defaults={"plan_first_year": spec["plan_first_year"]}
        )
        for number, (opens_on, due_on) in spec["steps"].items():
            Step.objects.update_or_create(
                cycle=cycle, number=number, defaults={"opens_on": opens_on, "due_on": due_on}
            )
        for number, assessed_on in spec["rounds"].items():
            Round.objects.update_or_create(
                cycle=cycle, number=number, defaults={"assessed_on": assessed_on}
            )
        for day, start, end, title, kind, location, required in MEETINGS[year]:
            Meeting.objects.update_or_create(
                cycle=cycle,
                held_on=day,
                title=title,
                defaults={
                    "kind": kind,
                    "starts_at": _at(day, start),
                    "ends_at": _at(day, end),
                    "location": location,
                    "required": required,
                },
            )
        cycles[year] = cycle
    return cycles

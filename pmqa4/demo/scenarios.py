"""Twelve-plus demo units of FY2568 in different states, and a few FY2570 starts.

OPS-SPD and OPS-ICT are the worked examples A and B of SCORING.md, built to give exactly those
facts (dates, meetings, dimensions, KPI targets and actuals).
"""

import datetime as dt

from . import content as c
from .calendar import MEETINGS
from .examples import EXAMPLE_FORM1, EXAMPLE_MEMBERS, K1, K2, K3, K4, K5, example_form2
from .people import roster_for
from .specs import (
    Return,
    Scenario,
    StepRun,
    at,
)

REQUIRED_2568 = tuple(day for day, *_, required in MEETINGS[2568] if required)
OPTIONAL_2568 = tuple(day for day, *_, required in MEETINGS[2568] if not required)


def attended_all_but(*missed: str) -> tuple[dt.date, ...]:
    skipped = {dt.date.fromisoformat(m) for m in missed}
    return tuple(day for day in REQUIRED_2568 if day not in skipped)


ON_TIME_ROSTER = StepRun(at("2024-11-25 09:30"), accepted_at=at("2024-12-02 10:00"))

SCENARIOS_2568 = [
    Scenario(
        "OPS-SPD",
        "ตัวอย่าง A: ครบถ้วนและตรงเวลาทุกขั้นตอน",
        members=EXAMPLE_MEMBERS,
        roster=ON_TIME_ROSTER,
        attended=attended_all_but("2025-04-18") + OPTIONAL_2568,
        form1=EXAMPLE_FORM1,
        form2=example_form2(citizen_centric=True),
        kpis=(K1, K2, K3, K4),
        plans=StepRun(at("2025-01-30 15:00"), accepted_at=at("2025-02-10 14:00")),
        report=StepRun(at("2025-09-22 11:00"), accepted_at=at("2025-09-29 16:00")),
        actuals_reported_at=at("2025-09-19 10:00"),
    ),
    Scenario(
        "OPS-ICT",
        "ตัวอย่าง B: ส่งรายชื่อช้า ๑ วัน เข้าประชุม ๘๐% แบบฟอร์ม ๒ ขาดมิติยึดประชาชนฯ ตัวชี้วัดหนึ่งตัวได้ ๗๐%",
        members=EXAMPLE_MEMBERS,
        roster=StepRun(at("2024-11-30 09:00")),
        attended=attended_all_but("2025-04-18", "2025-07-18"),
        form1=EXAMPLE_FORM1,
        form2=example_form2(citizen_centric=False),
        kpis=(K1, K2, K3, K4, K5),
        plans=StepRun(at("2025-01-30 15:00")),
        report=StepRun(at("2025-09-22 11:00")),
        actuals_reported_at=at("2025-09-19 10:00"),
    ),
    Scenario(
        "OPS-GAD",
        "ครบถ้วนตรงเวลา ใช้ตัวชี้วัดแบบค่าน้อยดี (บรรลุเป้าหมาย)",
        members=roster_for(1, "gad"),
        roster=StepRun(at("2024-11-20 14:10"), accepted_at=at("2024-12-02 10:00")),
        attended=attended_all_but(),
        **c.assemble(
            c.end_to_end("GAD-1", "30", "32", responsible="ฝ่ายบริหารทั่วไป"),
            c.complaints("GAD-2", "3", "3", responsible="ฝ่ายประชาสัมพันธ์"),
            c.paper_use("GAD-3", "25", "22", responsible="ฝ่ายพัสดุ"),
        ),
        plans=StepRun(at("2025-01-28 10:20"), accepted_at=at("2025-02-10 14:00")),
        report=StepRun(at("2025-09-19 15:45"), accepted_at=at("2025-09-29 16:00")),
        actuals_reported_at=at("2025-09-18 09:00"),
    ),
    Scenario(
        "OPS-PER",
        "ส่งแผน (ขั้นตอนที่ ๓) ช้า ๑ วัน",
        members=roster_for(2, "per"),
        roster=StepRun(at("2024-11-28 16:30")),
        attended=attended_all_but("2025-02-14"),
        **c.assemble(
            c.data_sharing("PER-1", "75", "78", responsible="กลุ่มทะเบียนประวัติ"),
            c.satisfaction("PER-2", "85", "88", responsible="กลุ่มสรรหาและบรรจุ"),
            c.digital_skills("PER-3", "80", "84", responsible="กลุ่มพัฒนาบุคลากร"),
        ),
        plans=StepRun(at("2025-02-01 08:45")),
        report=StepRun(at("2025-09-23 13:00")),
        actuals_reported_at=at("2025-09-22 10:00"),
    ),
    Scenario(
        "OPS-FIN",
        "แผนถูกส่งกลับแก้ไข และส่งฉบับแก้ไขทันกำหนด (รอตรวจรับ)",
        members=roster_for(3, "fin"),
        roster=StepRun(at("2024-11-27 11:00")),
        attended=attended_all_but(),
        **c.assemble(
            c.end_to_end("FIN-1", "20", "22", responsible="กลุ่มการเงิน"),
            c.satisfaction("FIN-2", "85", "86", responsible="กลุ่มบัญชี"),
            c.e_saraban("FIN-3", "90", "93", responsible="กลุ่มงบประมาณ"),
        ),
        plans=StepRun(
            at("2025-01-29 16:00"),
            returns=(
                Return(
                    at("2025-02-05 10:00"),
                    "แบบฟอร์ม ๓ ของตัวชี้วัด FIN-2 ยังไม่ระบุวิธีคำนวณ และแบบฟอร์ม ๒ ยังไม่ระบุผู้รับผิดชอบ กรุณาแก้ไข",
                    correction_due=dt.date(2025, 2, 14),
                    resubmitted_at=at("2025-02-12 09:30"),
                ),
            ),
        ),
        report=StepRun(at("2025-09-24 17:30")),
        actuals_reported_at=at("2025-09-20 10:00"),
    ),
    Scenario(
        "OPS-LEG",
        "แผนถูกส่งกลับแก้ไข แต่ยังไม่ส่งฉบับแก้ไข",
        members=roster_for(4, "leg"),
        roster=StepRun(at("2024-11-29 17:45")),
        attended=attended_all_but("2025-05-16"),
        **c.assemble(
            c.open_data("LEG-1", "5", "5", responsible="กลุ่มนิติกรรมและสัญญา"),
            c.complaints("LEG-2", "5", "4", responsible="กลุ่มเรื่องร้องเรียน"),
            c.knowledge("LEG-3", "2", "2", responsible="กลุ่มกฎหมาย"),
        ),
        plans=StepRun(
            at("2025-01-31 20:15"),
            returns=(
                Return(
                    at("2025-02-06 14:00"),
                    "แผนปฏิบัติการยังไม่เป็นภาพรวมของหน่วยงาน (มีเฉพาะงานของกลุ่มกฎหมาย) "
                    "กรุณาจัดทำให้ครอบคลุมทุกกลุ่มงาน",
                    correction_due=dt.date(2025, 2, 14),
                ),
            ),
        ),
        report=StepRun(at("2025-09-24 10:00")),
        actuals_reported_at=at("2025-09-20 10:00"),
    ),
    Scenario(
        "OPS-IED",
        "แผนทั้งสองฉบับขาดมิติยึดประชาชนเป็นศูนย์กลาง",
        members=roster_for(5, "ied"),
        roster=StepRun(at("2024-11-26 10:00")),
        attended=attended_all_but("2025-06-13"),
        **c.assemble(
            c.data_sharing("IED-1", "70", "72", responsible="กลุ่มติดตามและประเมินผล"),
            c.knowledge("IED-2", "2", "3", responsible="กลุ่มตรวจราชการ"),
        ),
        plans=StepRun(at("2025-01-30 11:00")),
        report=StepRun(at("2025-09-22 15:00")),
        actuals_reported_at=at("2025-09-18 14:00"),
    ),
    Scenario(
        "PLO-CNX",
        "ตัวชี้วัดหนึ่งตัวไม่บรรลุร้อยละ ๘๕ ของค่าเป้าหมาย",
        members=roster_for(6, "cnx"),
        roster=StepRun(at("2024-11-22 09:00")),
        attended=attended_all_but(),
        **c.assemble(
            c.open_data("CNX-1", "6", "6", responsible="กลุ่มงานข้อมูลแรงงาน"),
            c.mobile_service(
                "CNX-2",
                "500",
                "300",
                responsible="กลุ่มงานบริการ",
                cause="ฝนตกหนักและน้ำป่าไหลหลากในอำเภอแม่แจ่ม ทำให้ยกเลิกหน่วยบริการ ๒ ครั้ง",
                remedy="จัดหน่วยบริการทดแทนในไตรมาสแรกของปีถัดไปร่วมกับ อบต.",
            ),
            c.digital_skills("CNX-3", "80", "90", responsible="ฝ่ายบริหารงานทั่วไป"),
        ),
        plans=StepRun(at("2025-01-27 14:00")),
        report=StepRun(at("2025-09-17 10:00")),
        actuals_reported_at=at("2025-09-16 10:00"),
    ),
    Scenario(
        "PLO-KKN",
        "ตัวชี้วัดแบบค่าน้อยดีสูงกว่าค่าเป้าหมาย (ไม่บรรลุ)",
        members=roster_for(7, "kkn"),
        roster=StepRun(at("2024-11-29 23:59")),
        attended=attended_all_but("2025-08-15"),
        **c.assemble(
            c.end_to_end("KKN-1", "20", "20", responsible="ฝ่ายบริหารงานทั่วไป"),
            c.complaints(
                "KKN-2",
                "3",
                "4",
                responsible="กลุ่มงานคุ้มครองแรงงาน",
                cause="เรื่องร้องเรียนเพิ่มขึ้นร้อยละ ๔๐ ช่วงโรงงานปิดกิจการ",
                remedy="เพิ่มเจ้าหน้าที่หมุนเวียนรับเรื่องร้องเรียนในช่วงเร่งด่วน",
            ),
            c.paper_use("KKN-3", "20", "18", responsible="ฝ่ายบริหารงานทั่วไป"),
        ),
        plans=StepRun(at("2025-01-31 16:40")),
        report=StepRun(at("2025-09-24 09:00")),
        actuals_reported_at=at("2025-09-23 09:00"),
    ),
    Scenario("PLO-SKA", "ยังไม่เริ่มดำเนินการ"),
    Scenario(
        "OPS-FAD",
        "แผนรอผู้บริหารลงนาม (ยังไม่นับว่าส่ง)",
        members=roster_for(8, "fad"),
        roster=StepRun(at("2024-11-25 15:00")),
        attended=attended_all_but("2025-03-14", "2025-07-18"),
        **c.assemble(
            c.open_data("FAD-1", "4", None, responsible="กลุ่มความร่วมมือระหว่างประเทศ"),
            c.satisfaction("FAD-2", "85", None, responsible="กลุ่มแรงงานต่างประเทศ"),
            c.knowledge("FAD-3", "1", None, responsible="กลุ่มบริหารทั่วไป"),
        ),
        plans=StepRun(awaiting_sign_off=True),
    ),
    Scenario(
        "PLO-NMA",
        "ผู้ประเมินพบว่ารายงานผลไม่เป็นภาพรวมของหน่วยงาน",
        members=roster_for(9, "nma"),
        roster=StepRun(at("2024-11-28 08:30")),
        attended=attended_all_but(),
        **c.assemble(
            c.data_sharing("NMA-1", "70", "75", responsible="กลุ่มงานข้อมูลแรงงาน"),
            c.mobile_service("NMA-2", "400", "420", responsible="กลุ่มงานบริการ"),
            c.e_saraban("NMA-3", "85", "88", responsible="ฝ่ายบริหารงานทั่วไป"),
        ),
        plans=StepRun(at("2025-01-30 09:00")),
        report=StepRun(
            at("2025-09-23 16:00"),
            findings=(
                (
                    "not_unit_wide",
                    "รายงานผลครอบคลุมเฉพาะกลุ่มงานบริการ ไม่ได้รายงานในภาพรวมของสำนักงาน",
                ),
            ),
        ),
        actuals_reported_at=at("2025-09-22 10:00"),
    ),
    Scenario(
        "PLO-UBN",
        "แบบฟอร์ม ๓ ไม่ครบหนึ่งตัว และไม่มีผลของตัวชี้วัดหนึ่งตัว",
        members=roster_for(10, "ubn"),
        roster=StepRun(at("2024-11-29 12:00")),
        attended=attended_all_but("2025-01-15"),
        **c.assemble(
            c.open_data("UBN-1", "5", "6", responsible="กลุ่มงานข้อมูลแรงงาน"),
            c.satisfaction("UBN-2", "85", None, responsible="กลุ่มงานบริการ", sheet="incomplete"),
            c.knowledge("UBN-3", "1", "1", responsible="ฝ่ายบริหารงานทั่วไป"),
            unreported=("UBN-2",),
        ),
        plans=StepRun(at("2025-01-31 10:00")),
        report=StepRun(at("2025-09-24 11:00")),
        actuals_reported_at=at("2025-09-23 11:00"),
    ),
    Scenario(
        "PLO-CRI",
        "ส่งรายชื่อทีมงานแล้ว แผนยังเป็นร่าง",
        members=roster_for(11, "cri"),
        roster=StepRun(at("2024-11-29 10:00")),
        attended=attended_all_but("2025-01-15", "2025-02-14", "2025-03-14"),
        **c.assemble(
            c.open_data("CRI-1", "3", None, responsible="กลุ่มงานข้อมูลแรงงาน"),
            c.mobile_service("CRI-2", "300", None, responsible="กลุ่มงานบริการ"),
        ),
        plans=StepRun(),
    ),
]

# FY2570 has just begun: a few rosters are in, one meeting has been held.
SCENARIOS_2570 = [
    Scenario(
        "OPS-SPD",
        "ส่งรายชื่อทีมงานแล้ว",
        members=EXAMPLE_MEMBERS,
        roster=StepRun(at("2026-11-10 10:00")),
        attended=(dt.date(2026, 11, 20),),
    ),
    Scenario(
        "OPS-GAD",
        "ส่งรายชื่อทีมงานแล้ว",
        members=roster_for(1, "gad"),
        roster=StepRun(at("2026-11-18 15:30")),
        attended=(dt.date(2026, 11, 20),),
    ),
    Scenario(
        "PLO-CNX",
        "ส่งรายชื่อทีมงานแล้ว",
        members=roster_for(6, "cnx"),
        roster=StepRun(at("2026-11-24 09:15")),
        attended=(dt.date(2026, 11, 20),),
    ),
    Scenario(
        "OPS-ICT",
        "รายชื่อทีมงานยังเป็นร่าง",
        members=EXAMPLE_MEMBERS,
        roster=StepRun(),
    ),
]

SCENARIOS = {2568: SCENARIOS_2568, 2570: SCENARIOS_2570}

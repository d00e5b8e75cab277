"""Realistic Thai plan content for the demo units: activities per dimension and their KPIs.

Each builder returns the Form 1 rows, Form 2 rows and KPI sheets of one theme, so that a
scenario can say "a data-sharing activity whose KPI reached 92 %" in one line.
"""

from dataclasses import replace

from .specs import ActivitySpec, KpiSpec, PlanItemSpec

ALL_YEARS = (True, True, True)
# Fiscal months: 1 = ต.ค. … 12 = ก.ย.
Q2_Q4 = (4, 5, 6, 7, 8, 9, 10, 11, 12)


def data_sharing(code, target, actual, *, responsible, dimension=1, **kpi):
    kpi_spec = KpiSpec(
        code,
        "ร้อยละของชุดข้อมูลของหน่วยงานที่เชื่อมโยงผ่านระบบฐานข้อมูลกลางกระทรวงแรงงาน",
        "ร้อยละ",
        target,
        actual,
        dimension,
        baseline=("45", "58", "66"),
        **kpi,
    )
    item = PlanItemSpec(
        dimension, "พัฒนาระบบฐานข้อมูลกลางด้านแรงงานและเชื่อมโยงข้อมูลกับหน่วยงานในสังกัด", ALL_YEARS, (code,)
    )
    activity = ActivitySpec(
        dimension,
        "เชื่อมโยงชุดข้อมูลของหน่วยงานเข้าสู่ระบบฐานข้อมูลกลาง (Data Catalog) ของกระทรวงแรงงาน",
        Q2_Q4,
        responsible,
        (code,),
        steps=(
            ("สำรวจและจัดทำบัญชีข้อมูล (Data Catalog) ของหน่วยงาน", (4, 5)),
            ("ปรับปรุงมาตรฐานและคำอธิบายชุดข้อมูล (Metadata)", (6, 7)),
            ("เชื่อมโยงชุดข้อมูลผ่าน API และทดสอบการใช้งาน", (8, 9, 10)),
            ("ติดตามและรายงานผลการเชื่อมโยงข้อมูล", (11, 12)),
        ),
    )
    return item, activity, kpi_spec


def open_data(code, target, actual, *, responsible, dimension=1, **kpi):
    kpi_spec = KpiSpec(
        code,
        "จำนวนชุดข้อมูลที่เผยแพร่เป็นข้อมูลเปิด (Open Data) บนเว็บไซต์ของหน่วยงาน",
        "ชุดข้อมูล",
        target,
        actual,
        dimension,
        baseline=("4", "6", "8"),
        **kpi,
    )
    item = PlanItemSpec(
        dimension, "เปิดเผยข้อมูลสาธารณะของหน่วยงานโดยประชาชนไม่ต้องร้องขอ", ALL_YEARS, (code,)
    )
    activity = ActivitySpec(
        dimension,
        "เผยแพร่ชุดข้อมูลเปิดด้านแรงงานผ่านเว็บไซต์และระบบ data.go.th",
        (3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
        responsible,
        (code,),
        steps=(
            ("คัดเลือกชุดข้อมูลที่เปิดเผยได้และขออนุมัติผู้บริหาร", (3, 4)),
            ("จัดเตรียมข้อมูลให้อยู่ในรูปแบบที่เครื่องอ่านได้", (5, 6, 7)),
            ("เผยแพร่และปรับปรุงข้อมูลเป็นรายไตรมาส", (8, 9, 10, 11, 12)),
        ),
    )
    return item, activity, kpi_spec


def end_to_end(code, target, actual, *, responsible, dimension=1, **kpi):
    kpi_spec = KpiSpec(
        code,
        "ร้อยละของกระบวนงานที่ได้รับการปรับปรุงแบบต้นน้ำถึงปลายน้ำ (End-to-End) และลดระยะเวลาได้",
        "ร้อยละ",
        target,
        actual,
        dimension,
        baseline=("10", "15", "20"),
        **kpi,
    )
    item = PlanItemSpec(
        dimension, "ปรับปรุงกระบวนงานของหน่วยงานแบบต้นน้ำถึงปลายน้ำ", (True, True, False), (code,)
    )
    activity = ActivitySpec(
        dimension,
        "ทบทวนและลดขั้นตอนกระบวนงานอนุมัติ-อนุญาตของหน่วยงาน",
        (2, 3, 4, 5, 6, 7, 8, 9),
        responsible,
        (code,),
        steps=(
            ("วิเคราะห์กระบวนงานปัจจุบันและระบุขั้นตอนที่ซ้ำซ้อน", (2, 3)),
            ("ออกแบบกระบวนงานใหม่และเสนอผู้บริหารพิจารณา", (4, 5)),
            ("ทดลองใช้กระบวนงานใหม่และวัดผลระยะเวลา", (6, 7, 8, 9)),
        ),
    )
    return item, activity, kpi_spec


def complaints(code, target, actual, *, responsible, dimension=2, **kpi):
    """A lower-is-better KPI: days to answer a complaint."""
    kpi_spec = KpiSpec(
        code,
        "ระยะเวลาเฉลี่ยในการตอบสนองเรื่องร้องเรียนของผู้รับบริการ",
        "วันทำการ",
        target,
        actual,
        dimension,
        direction="lower",
        baseline=("7", "5", "4"),
        **kpi,
    )
    item = PlanItemSpec(
        dimension, "พัฒนาช่องทางรับเรื่องร้องเรียนและตอบสนองผู้รับบริการอย่างทันท่วงที", ALL_YEARS, (code,)
    )
    activity = ActivitySpec(
        dimension,
        "เปิดช่องทางรับเรื่องร้องเรียนผ่าน LINE Official Account และติดตามผลแบบเรียลไทม์",
        (3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
        responsible,
        (code,),
        steps=(
            ("จัดตั้งบัญชี LINE Official Account และกำหนดผู้รับผิดชอบ", (3, 4)),
            ("กำหนดมาตรฐานระยะเวลาการตอบสนองเรื่องร้องเรียน", (4, 5)),
            ("ให้บริการและติดตามผลรายเดือน", (6, 7, 8, 9, 10, 11, 12)),
        ),
    )
    return item, activity, kpi_spec


def satisfaction(code, target, actual, *, responsible, dimension=2, **kpi):
    kpi_spec = KpiSpec(
        code,
        "ร้อยละความพึงพอใจของผู้รับบริการต่อการให้บริการของหน่วยงาน",
        "ร้อยละ",
        target,
        actual,
        dimension,
        baseline=("82", "84", "86"),
        **kpi,
    )
    item = PlanItemSpec(
        dimension, "ยกระดับคุณภาพการให้บริการตามความต้องการของผู้รับบริการ", ALL_YEARS, (code,)
    )
    activity = ActivitySpec(
        dimension,
        "สำรวจความต้องการและความพึงพอใจของผู้รับบริการ และนำผลมาปรับปรุงบริการ",
        (2, 3, 6, 7, 10, 11),
        responsible,
        (code,),
        steps=(
            ("ออกแบบแบบสำรวจความต้องการของผู้รับบริการ", (2, 3)),
            ("สำรวจความพึงพอใจรอบที่ ๑ และปรับปรุงบริการ", (6, 7)),
            ("สำรวจความพึงพอใจรอบที่ ๒ และสรุปผล", (10, 11)),
        ),
    )
    return item, activity, kpi_spec


def mobile_service(code, target, actual, *, responsible, dimension=2, **kpi):
    kpi_spec = KpiSpec(
        code,
        "จำนวนผู้รับบริการจากหน่วยบริการแรงงานเคลื่อนที่ในพื้นที่ห่างไกล",
        "คน",
        target,
        actual,
        dimension,
        baseline=("350", "420", "480"),
        **kpi,
    )
    item = PlanItemSpec(
        dimension, "จัดบริการแรงงานเคลื่อนที่เชิงรุกเข้าถึงประชาชนในพื้นที่ห่างไกล", ALL_YEARS, (code,)
    )
    activity = ActivitySpec(
        dimension,
        "หน่วยบริการแรงงานเคลื่อนที่ร่วมกับองค์กรปกครองส่วนท้องถิ่น",
        (4, 6, 8, 10),
        responsible,
        (code,),
        steps=(
            ("วางแผนพื้นที่เป้าหมายร่วมกับอำเภอและ อปท.", (4,)),
            ("ออกให้บริการเคลื่อนที่ ๓ ครั้ง", (6, 8, 10)),
        ),
    )
    return item, activity, kpi_spec


def e_saraban(code, target, actual, *, responsible, dimension=3, **kpi):
    kpi_spec = KpiSpec(
        code,
        "ร้อยละของหนังสือราชการที่รับ-ส่งผ่านระบบสารบรรณอิเล็กทรอนิกส์",
        "ร้อยละ",
        target,
        actual,
        dimension,
        baseline=("60", "72", "81"),
        **kpi,
    )
    item = PlanItemSpec(
        dimension, "ปรับเปลี่ยนการทำงานสู่สำนักงานดิจิทัล (Digital Office)", ALL_YEARS, (code,)
    )
    activity = ActivitySpec(
        dimension,
        "ใช้ระบบสารบรรณอิเล็กทรอนิกส์ (e-Saraban) และลายมือชื่ออิเล็กทรอนิกส์ทั้งหน่วยงาน",
        Q2_Q4,
        responsible,
        (code,),
        steps=(
            ("อบรมการใช้งานระบบสารบรรณอิเล็กทรอนิกส์แก่บุคลากร", (4, 5)),
            ("ใช้งานระบบกับหนังสือราชการทุกประเภท", (6, 7, 8, 9, 10, 11, 12)),
        ),
    )
    return item, activity, kpi_spec


def paper_use(code, target, actual, *, responsible, dimension=3, **kpi):
    """A lower-is-better KPI: reams of paper a month."""
    kpi_spec = KpiSpec(
        code,
        "ปริมาณกระดาษที่ใช้เฉลี่ยต่อเดือน",
        "รีม",
        target,
        actual,
        dimension,
        direction="lower",
        baseline=("42", "36", "30"),
        **kpi,
    )
    item = PlanItemSpec(
        dimension, "ลดการใช้กระดาษด้วยเทคโนโลยีดิจิทัล (Paperless Office)", ALL_YEARS, (code,)
    )
    activity = ActivitySpec(
        dimension,
        "ลดการใช้กระดาษด้วยการประชุมแบบไร้กระดาษและการจัดเก็บเอกสารอิเล็กทรอนิกส์",
        Q2_Q4,
        responsible,
        (code,),
        steps=(
            ("กำหนดมาตรการลดการใช้กระดาษของหน่วยงาน", (4,)),
            ("ประชุมแบบไร้กระดาษ (e-Meeting) ทุกการประชุม", (5, 6, 7, 8, 9, 10, 11, 12)),
        ),
    )
    return item, activity, kpi_spec


def digital_skills(code, target, actual, *, responsible, dimension=3, unit="ร้อยละ", **kpi):
    name = (
        "ร้อยละของบุคลากรที่ผ่านการพัฒนาทักษะด้านดิจิทัล"
        if unit == "ร้อยละ"
        else "จำนวนบุคลากรที่ผ่านการอบรมทักษะด้านดิจิทัลและการวิเคราะห์ข้อมูล"
    )
    kpi_spec = KpiSpec(
        code, name, unit, target, actual, dimension, baseline=("12", "15", "18"), **kpi
    )
    item = PlanItemSpec(dimension, "พัฒนาบุคลากรให้มีขีดสมรรถนะสูงด้านดิจิทัล", ALL_YEARS, (code,))
    activity = ActivitySpec(
        dimension,
        "อบรมหลักสูตรทักษะดิจิทัลและการวิเคราะห์ข้อมูลสำหรับบุคลากร (Digital Literacy)",
        (5, 6, 7, 8),
        responsible,
        (code,),
        steps=(
            ("สำรวจความต้องการพัฒนาทักษะดิจิทัลของบุคลากร", (5,)),
            ("จัดอบรมหลักสูตรออนไลน์ร่วมกับสำนักงาน ก.พ.", (6, 7)),
            ("ประเมินผลการนำความรู้ไปใช้ในงาน", (8,)),
        ),
    )
    return item, activity, kpi_spec


def knowledge(code, target, actual, *, responsible, dimension=3, **kpi):
    kpi_spec = KpiSpec(
        code,
        "จำนวนองค์ความรู้หรือนวัตกรรมของหน่วยงานที่ได้รับการเผยแพร่",
        "เรื่อง",
        target,
        actual,
        dimension,
        baseline=("1", "1", "2"),
        **kpi,
    )
    item = PlanItemSpec(dimension, "จัดการความรู้และส่งเสริมนวัตกรรมในการทำงาน", ALL_YEARS, (code,))
    activity = ActivitySpec(
        dimension,
        "ถอดบทเรียนและเผยแพร่องค์ความรู้/นวัตกรรมของหน่วยงาน (KM)",
        (6, 7, 8, 9, 10, 11),
        responsible,
        (code,),
        steps=(
            ("คัดเลือกประเด็นความรู้ที่สำคัญต่อภารกิจ", (6,)),
            ("จัดเวทีแลกเปลี่ยนเรียนรู้และถอดบทเรียน", (7, 8, 9)),
            ("เผยแพร่องค์ความรู้ผ่านเว็บไซต์และเครือข่าย", (10, 11)),
        ),
    )
    return item, activity, kpi_spec


def assemble(*themes, form1_skip=(), form2_skip=(), unreported=()):
    """Form 1 rows, Form 2 rows and KPI sheets from themes; skip dimensions to make gaps.

    `unreported` names KPI codes whose activity has no Form 4 report.
    """
    form1 = tuple(item for item, _, _ in themes if item.dimension not in form1_skip)
    form2 = tuple(
        replace(activity, reported=activity.kpis[0] not in unreported)
        for _, activity, _ in themes
        if activity.dimension not in form2_skip
    )
    kpis = tuple(kpi for _, _, kpi in themes)
    return {"form1": form1, "form2": form2, "kpis": kpis}

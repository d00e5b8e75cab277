"""The seed's reference data: PMQA 4.0 categories, Gov 4.0 dimensions, maturity levels.

Loaded by a data migration so that every installation starts with them; the central
administrator edits them afterwards in the admin. Defaults follow the seed's slides
("เป้าหมายความสำเร็จ" for the dimension → category map).
"""

CATEGORIES = [
    (1, "การนำองค์การ", "Leadership", False),
    (2, "การวางแผนเชิงยุทธศาสตร์", "Strategic Planning", False),
    (3, "การให้ความสำคัญกับผู้รับบริการและผู้มีส่วนได้ส่วนเสีย", "Customer Focus", False),
    (4, "การวัด วิเคราะห์ และการจัดการความรู้", "Measurement, Analysis and Knowledge Management", False),
    (5, "การมุ่งเน้นบุคลากร", "Workforce Focus", False),
    (6, "การมุ่งเน้นระบบปฏิบัติการ", "Operation Focus", False),
    (7, "ผลลัพธ์การดำเนินการ", "Results", True),
]

DIMENSIONS = [
    (
        1,
        "มิติเปิดกว้างและเชื่อมโยง",
        "Open & Connected Government",
        [1, 2, 4, 6],
        [
            ("การคิดเชิงยุทธศาสตร์", "Strategic thinking"),
            ("การเปิดเผยข้อมูลโดยที่ประชาชนไม่ต้องร้องขอ", "Public data accessibility"),
            ("การแบ่งปันข้อมูลของส่วนราชการ", "Public shared service"),
            ("การลดต้นทุนในการเพิ่มขีดความสามารถในการแข่งขัน", "Cost competitiveness"),
            ("การออกแบบกระบวนการตั้งแต่ต้นจนจบ", "End to end process driven"),
            ("ความรับผิดชอบต่อสาธารณะและความโปร่งใส", "Public accountability & transparency"),
        ],
    ),
    (
        2,
        "มิติยึดประชาชนเป็นศูนย์กลาง",
        "Citizen-Centric Government",
        [3, 5, 6],
        [
            ("การตอบสนองความต้องการอย่างทันท่วงที", "Responsiveness"),
            ("การใช้ความต้องการของประชาชนเป็นตัวขับเคลื่อนการทำงาน", "Demand driven"),
            ("การเข้าถึงบริการสาธารณะ", "Public accessibility"),
            ("การมุ่งเน้นผลลัพธ์ที่เกิดแก่ประชาชน", "Result oriented"),
            ("การยกระดับพัฒนาบริการให้ดีขึ้น", "Service improvement"),
            ("การออกแบบงานบริการระดับบุคคล", "Service personalization"),
            ("การสร้างความผูกพันให้กับภาคประชาชน", "Happy citizen"),
        ],
    ),
    (
        3,
        "มิติมีขีดสมรรถนะสูงและทันสมัย",
        "Smart & High Performance Government",
        [1, 2, 4, 5, 6],
        [
            ("การนำเทคโนโลยีดิจิทัลมาใช้เพื่อปรับเปลี่ยนรูปแบบการทำงาน", "Digitalization"),
            ("การคิดค้น/นำนวัตกรรมมาใช้ในการยกระดับการทำงาน/งานบริการ", "Innovation"),
            ("การพัฒนาบุคลากรให้มีขีดสมรรถนะสูง", "Workforce capability"),
            ("กระบวนการแก้ปัญหาที่ต้องใช้องค์ความรู้ในด้านต่าง ๆ", "Problem solving"),
            ("ความคล่องตัวในการทำงาน", "Agility"),
        ],
    ),
]

MATURITY_LEVELS = [
    ("basic", 1, "ระดับพื้นฐาน", "Basic", 300, 399),
    ("advance", 2, "ระดับก้าวหน้า", "Advance", 400, 469),
    ("significance", 3, "ระดับพัฒนาจนเกิดผล", "Significance", 470, 500),
]


def load_reference_data(*, category, dimension, characteristic, maturity) -> None:
    """Create what is missing, leave what the central administrator has edited alone.

    Takes the model classes so that a migration can pass its historical models.
    """
    categories = {}
    for number, name_th, name_en, is_results in CATEGORIES:
        categories[number], _ = category.objects.get_or_create(
            number=number,
            defaults={"name_th": name_th, "name_en": name_en, "is_results": is_results},
        )
    for number, name_th, name_en, category_numbers, characteristics in DIMENSIONS:
        dim, created = dimension.objects.get_or_create(
            number=number, defaults={"name_th": name_th, "name_en": name_en}
        )
        if created:
            dim.categories.set([categories[n] for n in category_numbers])
        for order, (char_th, char_en) in enumerate(characteristics, start=1):
            characteristic.objects.get_or_create(
                dimension=dim, name_en=char_en, defaults={"name_th": char_th, "order": order}
            )
    for code, order, name_th, name_en, low, high in MATURITY_LEVELS:
        maturity.objects.get_or_create(
            code=code,
            defaults={
                "order": order,
                "name_th": name_th,
                "name_en": name_en,
                "min_score": low,
                "max_score": high,
            },
        )

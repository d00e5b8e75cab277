"""Demo people: the roster members of each unit and the logins for every role."""

from .specs import Member

DEMO_PASSWORD = "pmqa4-demo"

FIRST_NAMES = [
    ("นางสาว", "พิมพ์ชนก"),
    ("นาย", "ธนากร"),
    ("นาง", "สุภาวดี"),
    ("นาย", "วีระพงษ์"),
    ("นางสาว", "ณัฐธิดา"),
    ("นาย", "ปิยะพงษ์"),
    ("นาง", "อรุณี"),
    ("นาย", "สุรเชษฐ์"),
    ("นางสาว", "กมลวรรณ"),
    ("นาย", "อนุชา"),
    ("นาง", "จิราภรณ์"),
    ("นาย", "ชยพล"),
]
LAST_NAMES = [
    "ศรีสุข",
    "วงศ์ไทย",
    "แก้วมณี",
    "บุญประเสริฐ",
    "สุขเจริญ",
    "ทองดี",
    "รัตนพันธ์",
    "มั่นคง",
    "พรหมมา",
    "จันทร์เพ็ญ",
    "อินทร์แก้ว",
    "ชัยมงคล",
]
POSITIONS = [
    ("นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ", "chair"),
    ("นักวิเคราะห์นโยบายและแผนชำนาญการ", "secretary"),
    ("นักทรัพยากรบุคคลชำนาญการ", "member"),
    ("นักวิชาการแรงงานชำนาญการ", "member"),
    ("เจ้าพนักงานธุรการชำนาญงาน", "assistant_secretary"),
]


def roster_for(index: int, domain: str, size: int = 4) -> tuple[Member, ...]:
    """A plausible team of ``size`` people, different for each unit index."""
    members = []
    for n in range(size):
        title, first = FIRST_NAMES[(index * 3 + n) % len(FIRST_NAMES)]
        last = LAST_NAMES[(index * 5 + n * 7) % len(LAST_NAMES)]
        position, role = POSITIONS[n % len(POSITIONS)]
        phone = (
            f"0 2232 {1100 + index * 10 + n}"
            if n % 2 == 0
            else f"08 1{index:02d}{n} {4400 + index:04d}"
        )
        email = f"{domain}{n + 1}@mol.mail.go.th"
        members.append(Member(f"{title}{first} {last}", position, phone, email, role))
    return tuple(members)


# username, title, first, last, position, unit code, roles
CENTRAL_LOGINS = [
    (
        "central",
        "นางสาว",
        "ธารินี",
        "ทิพยรัตน์",
        "นักวิเคราะห์นโยบายและแผนชำนาญการ",
        "OPS-ASD",
        ["central_admin"],
    ),
    (
        "evaluator",
        "นาย",
        "ประเสริฐ",
        "ศักดิ์ดี",
        "นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ",
        "OPS-ASD",
        ["evaluator"],
    ),
    (
        "ministry",
        "นาย",
        "วีระพงษ์",
        "อินทร์แก้ว",
        "รองปลัดกระทรวงแรงงาน",
        "OPS-ASD",
        ["ministry_executive"],
    ),
    ("staff", "นาง", "วันเพ็ญ", "สายทอง", "เจ้าพนักงานธุรการชำนาญงาน", "OPS-GAD", []),
]

# The head of each demo unit, who signs its forms (ผู้บริหารหน่วยงานลงนาม).
EXECUTIVE_TITLES = {
    "division": "ผู้อำนวยการ{name}",
    "center": "ผู้อำนวยการ{name}",
    "bureau": "ผู้อำนวยการ{name}",
    "group": "หัวหน้า{name}",
    "provincial": "แรงงานจังหวัด{province}",
}

"""The Ministry of Labour's Office of the Permanent Secretary: its central units and the 76
provincial labour offices (Bangkok has none of its own), with stable unit codes. Real reference
data: `load_organisation` loads it on a new server, `seed_demo` under the demo (the first is
safe in production: no logins, no passwords)."""

from pmqa4.org.models import Department, Ministry, Province, Unit, UnitKind
from pmqa4.org.provinces import BANGKOK_ISO

CENTRAL_GROUP = "OPS-ASD"

# code, Thai name, English name, short name, kind
CENTRAL_UNITS = [
    (
        CENTRAL_GROUP,
        "กลุ่มพัฒนาระบบบริหาร",
        "Administrative System Development Group",
        "กพร.สป.",
        UnitKind.GROUP,
    ),
    ("OPS-GAD", "กองกลาง", "General Administration Division", "กก.", UnitKind.DIVISION),
    ("OPS-PER", "กองการเจ้าหน้าที่", "Personnel Division", "กกจ.", UnitKind.DIVISION),
    ("OPS-FIN", "กองคลัง", "Finance Division", "กค.", UnitKind.DIVISION),
    ("OPS-LEG", "กองนิติการ", "Legal Affairs Division", "กนต.", UnitKind.DIVISION),
    (
        "OPS-SPD",
        "กองยุทธศาสตร์และแผนงาน",
        "Strategy and Planning Division",
        "กยผ.",
        UnitKind.DIVISION,
    ),
    ("OPS-FAD", "กองการต่างประเทศ", "Foreign Affairs Division", "กกต.", UnitKind.DIVISION),
    (
        "OPS-IED",
        "กองบริหารการตรวจราชการและประเมินผล",
        "Inspection and Evaluation Division",
        "กตป.",
        UnitKind.DIVISION,
    ),
    ("OPS-LED", "กองเศรษฐกิจการแรงงาน", "Labour Economics Division", "กศร.", UnitKind.DIVISION),
    (
        "OPS-ICT",
        "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร",
        "Information and Communication Technology Center",
        "ศทส.",
        UnitKind.CENTER,
    ),
    (
        "OPS-ACC",
        "ศูนย์ปฏิบัติการต่อต้านการทุจริต",
        "Anti-Corruption Operation Center",
        "ศปท.",
        UnitKind.CENTER,
    ),
    (
        "OPS-LIB",
        "สำนักงานประสานงานโครงการอันเนื่องมาจากพระราชดำริ",
        "Royal Projects Coordination Bureau",
        "สปร.",
        UnitKind.BUREAU,
    ),
    ("OPS-IAG", "กลุ่มตรวจสอบภายใน", "Internal Audit Group", "ตสน.", UnitKind.GROUP),
]


def provincial_code(province: Province) -> str:
    return f"PLO-{province.code}"


def build_organisation() -> dict[str, Unit]:
    ministry, _ = Ministry.objects.update_or_create(
        name_th="กระทรวงแรงงาน",
        defaults={"name_en": "Ministry of Labour", "short_name": "รง."},
    )
    department, _ = Department.objects.update_or_create(
        ministry=ministry,
        name_th="สำนักงานปลัดกระทรวงแรงงาน",
        defaults={"name_en": "Office of the Permanent Secretary", "short_name": "สป.รง."},
    )
    units = {}
    for code, name_th, name_en, short, kind in CENTRAL_UNITS:
        units[code], _ = Unit.objects.update_or_create(
            code=code,
            defaults={
                "department": department,
                "name_th": name_th,
                "name_en": name_en,
                "short_name": short,
                "kind": kind,
                # The central group runs the indicator; it does not score itself.
                "takes_part": code != CENTRAL_GROUP,
            },
        )
    for province in Province.objects.exclude(iso_code=BANGKOK_ISO).order_by("iso_code"):
        code = provincial_code(province)
        units[code], _ = Unit.objects.update_or_create(
            code=code,
            defaults={
                "department": department,
                "name_th": f"สำนักงานแรงงานจังหวัด{province.name_th}",
                "name_en": f"{province.name_en} Provincial Labour Office",
                "short_name": f"สรจ.{province.name_th}",
                "kind": UnitKind.PROVINCIAL_OFFICE,
                "province": province,
            },
        )
    return units

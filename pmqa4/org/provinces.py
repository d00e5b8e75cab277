"""The 77 provinces of Thailand (76 จังหวัด plus Bangkok), as reference data for units.

``iso`` is the ISO 3166-2:TH number; ``code`` is a short readable key that stays stable in URLs
and exports; ``region`` follows the six-region scheme of the National Geographical Committee.
"""

from typing import NamedTuple


class Province(NamedTuple):
    iso: str
    code: str
    name_th: str
    name_en: str
    region: str  # a key of org.models.Region (the six-region scheme)


BANGKOK_ISO = "10"

PROVINCES = (
    Province("10", "BKK", "กรุงเทพมหานคร", "Bangkok", "central"),
    Province("11", "SPK", "สมุทรปราการ", "Samut Prakan", "central"),
    Province("12", "NBI", "นนทบุรี", "Nonthaburi", "central"),
    Province("13", "PTE", "ปทุมธานี", "Pathum Thani", "central"),
    Province("14", "AYA", "พระนครศรีอยุธยา", "Phra Nakhon Si Ayutthaya", "central"),
    Province("15", "ATG", "อ่างทอง", "Ang Thong", "central"),
    Province("16", "LRI", "ลพบุรี", "Lop Buri", "central"),
    Province("17", "SBR", "สิงห์บุรี", "Sing Buri", "central"),
    Province("18", "CNT", "ชัยนาท", "Chai Nat", "central"),
    Province("19", "SRI", "สระบุรี", "Saraburi", "central"),
    Province("20", "CBI", "ชลบุรี", "Chon Buri", "east"),
    Province("21", "RYG", "ระยอง", "Rayong", "east"),
    Province("22", "CTI", "จันทบุรี", "Chanthaburi", "east"),
    Province("23", "TRT", "ตราด", "Trat", "east"),
    Province("24", "CCO", "ฉะเชิงเทรา", "Chachoengsao", "east"),
    Province("25", "PRI", "ปราจีนบุรี", "Prachin Buri", "east"),
    Province("26", "NYK", "นครนายก", "Nakhon Nayok", "central"),
    Province("27", "SKW", "สระแก้ว", "Sa Kaeo", "east"),
    Province("30", "NMA", "นครราชสีมา", "Nakhon Ratchasima", "northeast"),
    Province("31", "BRM", "บุรีรัมย์", "Buri Ram", "northeast"),
    Province("32", "SRN", "สุรินทร์", "Surin", "northeast"),
    Province("33", "SSK", "ศรีสะเกษ", "Si Sa Ket", "northeast"),
    Province("34", "UBN", "อุบลราชธานี", "Ubon Ratchathani", "northeast"),
    Province("35", "YST", "ยโสธร", "Yasothon", "northeast"),
    Province("36", "CPM", "ชัยภูมิ", "Chaiyaphum", "northeast"),
    Province("37", "ACR", "อำนาจเจริญ", "Amnat Charoen", "northeast"),
    Province("38", "BKN", "บึงกาฬ", "Bueng Kan", "northeast"),
    Province("39", "NBP", "หนองบัวลำภู", "Nong Bua Lam Phu", "northeast"),
    Province("40", "KKN", "ขอนแก่น", "Khon Kaen", "northeast"),
    Province("41", "UDN", "อุดรธานี", "Udon Thani", "northeast"),
    Province("42", "LEI", "เลย", "Loei", "northeast"),
    Province("43", "NKI", "หนองคาย", "Nong Khai", "northeast"),
    Province("44", "MKM", "มหาสารคาม", "Maha Sarakham", "northeast"),
    Province("45", "RET", "ร้อยเอ็ด", "Roi Et", "northeast"),
    Province("46", "KSN", "กาฬสินธุ์", "Kalasin", "northeast"),
    Province("47", "SNK", "สกลนคร", "Sakon Nakhon", "northeast"),
    Province("48", "NPM", "นครพนม", "Nakhon Phanom", "northeast"),
    Province("49", "MDH", "มุกดาหาร", "Mukdahan", "northeast"),
    Province("50", "CNX", "เชียงใหม่", "Chiang Mai", "north"),
    Province("51", "LPN", "ลำพูน", "Lamphun", "north"),
    Province("52", "LPG", "ลำปาง", "Lampang", "north"),
    Province("53", "UTD", "อุตรดิตถ์", "Uttaradit", "north"),
    Province("54", "PRE", "แพร่", "Phrae", "north"),
    Province("55", "NAN", "น่าน", "Nan", "north"),
    Province("56", "PYO", "พะเยา", "Phayao", "north"),
    Province("57", "CRI", "เชียงราย", "Chiang Rai", "north"),
    Province("58", "MSN", "แม่ฮ่องสอน", "Mae Hong Son", "north"),
    Province("60", "NSN", "นครสวรรค์", "Nakhon Sawan", "central"),
    Province("61", "UTI", "อุทัยธานี", "Uthai Thani", "central"),
    Province("62", "KPT", "กำแพงเพชร", "Kamphaeng Phet", "central"),
    Province("63", "TAK", "ตาก", "Tak", "west"),
    Province("64", "STI", "สุโขทัย", "Sukhothai", "central"),
    Province("65", "PLK", "พิษณุโลก", "Phitsanulok", "central"),
    Province("66", "PCT", "พิจิตร", "Phichit", "central"),
    Province("67", "PNB", "เพชรบูรณ์", "Phetchabun", "central"),
    Province("70", "RBR", "ราชบุรี", "Ratchaburi", "west"),
    Province("71", "KRI", "กาญจนบุรี", "Kanchanaburi", "west"),
    Province("72", "SPB", "สุพรรณบุรี", "Suphan Buri", "central"),
    Province("73", "NPT", "นครปฐม", "Nakhon Pathom", "central"),
    Province("74", "SKN", "สมุทรสาคร", "Samut Sakhon", "central"),
    Province("75", "SKM", "สมุทรสงคราม", "Samut Songkhram", "central"),
    Province("76", "PBI", "เพชรบุรี", "Phetchaburi", "west"),
    Province("77", "PKN", "ประจวบคีรีขันธ์", "Prachuap Khiri Khan", "west"),
    Province("80", "NRT", "นครศรีธรรมราช", "Nakhon Si Thammarat", "south"),
    Province("81", "KBI", "กระบี่", "Krabi", "south"),
    Province("82", "PNA", "พังงา", "Phang Nga", "south"),
    Province("83", "PKT", "ภูเก็ต", "Phuket", "south"),
    Province("84", "SNI", "สุราษฎร์ธานี", "Surat Thani", "south"),
    Province("85", "RNG", "ระนอง", "Ranong", "south"),
    Province("86", "CPN", "ชุมพร", "Chumphon", "south"),
    Province("90", "SKA", "สงขลา", "Songkhla", "south"),
    Province("91", "STN", "สตูล", "Satun", "south"),
    Province("92", "TRG", "ตรัง", "Trang", "south"),
    Province("93", "PLG", "พัทลุง", "Phatthalung", "south"),
    Province("94", "PTN", "ปัตตานี", "Pattani", "south"),
    Province("95", "YLA", "ยะลา", "Yala", "south"),
    Province("96", "NWT", "นราธิวาส", "Narathiwat", "south"),
)

BY_ISO = {p.iso: p for p in PROVINCES}
BY_CODE = {p.code: p for p in PROVINCES}


def load_provinces(province_model) -> None:
    """Put the 77 provinces in the table (idempotent): the migration's data, and again before the
    demo is loaded into a database whose tables were emptied (a flushed test database)."""
    for p in PROVINCES:
        province_model.objects.get_or_create(
            iso_code=p.iso,
            defaults={
                "code": p.code,
                "name_th": p.name_th,
                "name_en": p.name_en,
                "region": p.region,
            },
        )

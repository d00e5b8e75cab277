"""The province list is reference data: it must be complete, unique and consistently coded."""

import re
from collections import Counter

from pmqa4.org.models import Region
from pmqa4.org.provinces import BANGKOK_ISO, BY_CODE, BY_ISO, PROVINCES


def test_there_are_77_provinces_counting_bangkok():
    assert len(PROVINCES) == 77


def test_there_are_76_provinces_besides_bangkok():
    assert len([p for p in PROVINCES if p.iso != BANGKOK_ISO]) == 76


def test_bangkok_is_present_and_central():
    bangkok = BY_ISO["10"]
    assert (bangkok.code, bangkok.name_th, bangkok.region) == (
        "BKK",
        "กรุงเทพมหานคร",
        "central",
    )


def test_iso_codes_are_unique_two_digit_numbers():
    assert len({p.iso for p in PROVINCES}) == 77
    assert all(re.fullmatch(r"[1-9][0-9]", p.iso) for p in PROVINCES)


def test_codes_are_unique_and_three_uppercase_letters():
    assert len(BY_CODE) == 77
    assert all(re.fullmatch(r"[A-Z]{3}", p.code) for p in PROVINCES)


def test_names_are_unique_in_both_languages_and_thai_names_are_in_thai_script():
    assert len({p.name_th for p in PROVINCES}) == 77
    assert len({p.name_en for p in PROVINCES}) == 77
    assert all(re.fullmatch(r"[\u0e00-\u0e7f]+", p.name_th) for p in PROVINCES)


def test_every_region_is_known_and_has_its_six_region_scheme_count():
    assert set(Region.values) == {"north", "northeast", "central", "east", "west", "south"}
    counts = Counter(p.region for p in PROVINCES)
    assert counts == {
        "north": 9,
        "northeast": 20,
        "central": 22,
        "east": 7,
        "west": 5,
        "south": 14,
    }


def test_well_known_provinces_have_the_agreed_codes():
    expected = {
        "50": ("CNX", "เชียงใหม่", "Chiang Mai", "north"),
        "57": ("CRI", "เชียงราย", "Chiang Rai", "north"),
        "40": ("KKN", "ขอนแก่น", "Khon Kaen", "northeast"),
        "30": ("NMA", "นครราชสีมา", "Nakhon Ratchasima", "northeast"),
        "83": ("PKT", "ภูเก็ต", "Phuket", "south"),
        "90": ("SKA", "สงขลา", "Songkhla", "south"),
        "34": ("UBN", "อุบลราชธานี", "Ubon Ratchathani", "northeast"),
        "41": ("UDN", "อุดรธานี", "Udon Thani", "northeast"),
        "80": ("NRT", "นครศรีธรรมราช", "Nakhon Si Thammarat", "south"),
        "38": ("BKN", "บึงกาฬ", "Bueng Kan", "northeast"),
        "63": ("TAK", "ตาก", "Tak", "west"),
        "20": ("CBI", "ชลบุรี", "Chon Buri", "east"),
    }
    for iso, fields in expected.items():
        assert BY_ISO[iso][1:] == fields


def test_the_list_is_in_iso_order():
    isos = [int(p.iso) for p in PROVINCES]
    assert isos == sorted(isos)

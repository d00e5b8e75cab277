import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from pmqa4.core.testing.factories import UnitFactory, UserFactory
from pmqa4.org.models import Province, RoleGrant, UnitKind

pytestmark = pytest.mark.django_db


def test_all_77_provinces_are_loaded_by_the_migrations():
    assert Province.objects.count() == 77
    assert Province.objects.get(code="CNX").name_th == "เชียงใหม่"


def test_a_provincial_office_needs_a_province():
    with pytest.raises(IntegrityError):
        UnitFactory(kind=UnitKind.PROVINCIAL_OFFICE, province=None)


def test_a_division_has_no_province():
    with pytest.raises(IntegrityError):
        UnitFactory(kind=UnitKind.DIVISION, province=Province.objects.get(code="CNX"))


def test_a_provincial_office_with_its_province_is_valid():
    unit = UnitFactory(
        code="PLO-CNX",
        kind=UnitKind.PROVINCIAL_OFFICE,
        province=Province.objects.get(code="CNX"),
    )
    unit.full_clean()


def test_a_closed_unit_keeps_its_row_and_says_when_it_closed():
    unit = UnitFactory()
    unit.is_active = False
    with pytest.raises(IntegrityError), transaction.atomic():
        unit.save()
    unit.closed_on = unit.created_at.date()
    unit.save()
    assert not unit.is_active


@pytest.mark.parametrize("code", ["ops-asd", "OPS ASD", "OPS--ASD", "-OPS", "โอพีเอส"])
def test_unit_codes_are_upper_case_letters_digits_and_dashes(code):
    unit = UnitFactory.build(code=code, department=UnitFactory().department)
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert "PLO-CNX" in error.value.message_dict["code"][0]


def test_a_person_holds_a_role_for_a_unit_only_once():
    user = UserFactory(roles=["coordinator"])
    with pytest.raises(IntegrityError):
        RoleGrant.objects.create(user=user, unit=user.unit, role="coordinator")


def test_a_persons_display_name_has_the_thai_title_attached():
    user = UserFactory(title="นางสาว", first_name="กานดา", last_name="ใจดี")
    assert user.display_name == "นางสาวกานดา ใจดี"
    assert str(user) == "นางสาวกานดา ใจดี"

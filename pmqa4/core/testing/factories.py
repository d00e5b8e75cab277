"""factory_boy factories for tests: the smallest valid row of each kind, with readable defaults."""

import datetime as dt
from decimal import Decimal

import factory

from pmqa4.core.fiscal import BANGKOK
from pmqa4.cycles.models import Cycle, Step
from pmqa4.org.models import Department, Ministry, Role, RoleGrant, Unit, UnitKind, User
from pmqa4.plans.models import Kpi, KpiSheet
from pmqa4.submissions.models import Submission
from pmqa4.teams.models import Attendance, Meeting, Roster, TeamMember


class MinistryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ministry
        django_get_or_create = ["name_th"]

    name_th = "กระทรวงแรงงาน"


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["ministry", "name_th"]

    ministry = factory.SubFactory(MinistryFactory)
    name_th = "สำนักงานปลัดกระทรวงแรงงาน"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    department = factory.SubFactory(DepartmentFactory)
    code = factory.Sequence(lambda n: f"TST-{n:03d}")
    name_th = factory.Sequence(lambda n: f"กองทดสอบที่ {n}")
    kind = UnitKind.DIVISION


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    title = "นางสาว"
    first_name = factory.Sequence(lambda n: f"ผู้ใช้{n}")
    last_name = "ทดสอบ"
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.go.th")
    unit = factory.SubFactory(UnitFactory)
    password = factory.django.Password("pw-for-tests")

    @factory.post_generation
    def roles(user, create, extracted, **kwargs):
        for role in extracted or ():
            RoleGrant.objects.create(user=user, unit=user.unit, role=role)


def person(role: str | None, unit: Unit, **kwargs) -> User:
    return UserFactory(unit=unit, roles=[role] if role else [], **kwargs)


def bangkok(text: str) -> dt.datetime:
    """'2025-01-31 23:59:59' in Bangkok time."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=BANGKOK)


class CycleFactory(factory.django.DjangoModelFactory):
    """FY2568 with the seed's due dates unless told otherwise."""

    class Meta:
        model = Cycle
        django_get_or_create = ["fiscal_year"]
        skip_postgeneration_save = True

    fiscal_year = 2568

    @factory.post_generation
    def steps(cycle, create, extracted, **kwargs):
        if not create or cycle.steps.exists():
            return
        dues = extracted or {
            1: dt.date(2024, 11, 29),
            2: dt.date(2025, 9, 30),
            3: dt.date(2025, 1, 31),
            4: dt.date(2025, 9, 24),
            5: dt.date(2025, 9, 30),
        }
        for number, due_on in dues.items():
            Step.objects.create(cycle=cycle, number=number, due_on=due_on)


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    unit = factory.SubFactory(UnitFactory)
    step = factory.LazyFunction(lambda: CycleFactory().steps.get(number=1))


class RosterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Roster

    unit = factory.SubFactory(UnitFactory)
    cycle = factory.SubFactory(CycleFactory)


class TeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMember

    roster = factory.SubFactory(RosterFactory)
    full_name = factory.Sequence(lambda n: f"นายสมาชิก ที่{n}")
    position = "นักวิเคราะห์นโยบายและแผน"
    phone = "0 2232 1234"
    email = factory.Sequence(lambda n: f"member{n}@example.go.th")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    cycle = factory.SubFactory(CycleFactory)
    title = factory.Sequence(lambda n: f"ประชุมครั้งที่ {n}")
    held_on = dt.date(2024, 12, 20)
    starts_at = factory.LazyAttribute(lambda m: bangkok(f"{m.held_on} 09:30"))
    ends_at = factory.LazyAttribute(lambda m: bangkok(f"{m.held_on} 12:00"))


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    member = factory.SubFactory(TeamMemberFactory)


class KpiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kpi

    unit = factory.SubFactory(UnitFactory)
    cycle = factory.SubFactory(CycleFactory)
    code = factory.Sequence(lambda n: f"K{n}")
    name = "ร้อยละของชุดข้อมูลที่เชื่อมโยง"


class KpiSheetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KpiSheet

    kpi = factory.SubFactory(KpiFactory)
    unit_of_measure = "ร้อยละ"
    calculation = "จำนวนที่เชื่อมโยง ÷ ทั้งหมด × 100"
    definition = "ชุดข้อมูลที่เชื่อมโยงผ่าน API"
    collection_method = "รายงานของกลุ่มงาน"
    collection_frequency = "รายไตรมาส"
    data_source = "ระบบฐานข้อมูลกลาง"
    supervisor_name = "นายผู้กำกับ ตัวชี้วัด"
    supervisor_phone = "0 2232 1000"
    target = Decimal("80")


__all__ = [
    "AttendanceFactory",
    "CycleFactory",
    "KpiFactory",
    "KpiSheetFactory",
    "MeetingFactory",
    "Role",
    "RosterFactory",
    "SubmissionFactory",
    "TeamMemberFactory",
    "UnitFactory",
    "UserFactory",
    "bangkok",
    "person",
]

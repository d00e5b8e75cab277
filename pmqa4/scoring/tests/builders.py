"""Units with a whole year of stored work, written with the demo's scenario builder."""

import datetime as dt

from auditlog.context import disable_auditlog

from pmqa4.core.testing.factories import MeetingFactory, UnitFactory, person
from pmqa4.demo import content as c
from pmqa4.demo.build import UnitYearBuilder
from pmqa4.demo.people import roster_for
from pmqa4.demo.specs import Scenario, StepRun, at
from pmqa4.org.models import Role

MEETING_DAYS = [dt.date(2024, 12, 20), dt.date(2025, 2, 14), dt.date(2025, 5, 16)]


def meetings(cycle):
    return [MeetingFactory(cycle=cycle, held_on=day) for day in MEETING_DAYS]


def complete_scenario(code: str, **overrides) -> Scenario:
    """A unit that did everything on time: the base the tests change one thing of."""
    fields = dict(
        code=code,
        story="ครบถ้วน",
        members=roster_for(1, code.lower(), size=2),
        roster=StepRun(at("2024-11-28 10:00")),
        attended=tuple(MEETING_DAYS),
        **c.assemble(
            c.data_sharing(f"{code}-1", "80", "80", responsible="กลุ่มข้อมูล"),
            c.complaints(f"{code}-2", "3", "3", responsible="กลุ่มบริการ"),
            c.e_saraban(f"{code}-3", "90", "95", responsible="กลุ่มบริหาร"),
        ),
        plans=StepRun(at("2025-01-30 15:00")),
        report=StepRun(at("2025-09-22 11:00"), findings=(("not_as_prescribed", "ส่งเป็นกระดาษ"),)),
        actuals_reported_at=at("2025-09-19 10:00"),
    )
    fields.update(overrides)
    return Scenario(**fields)


def light_scenario(code: str) -> Scenario:
    """One row of every kind the adapter reads, and no more: for counting queries at volume."""
    return complete_scenario(
        code,
        members=roster_for(2, code.lower(), size=1),
        **c.assemble(c.data_sharing(f"{code}-1", "80", "70", responsible="กลุ่มข้อมูล")),
    )


def unit_with_year(cycle, scenario: Scenario, *, central=None, evaluator=None, **unit_fields):
    unit = UnitFactory(code=scenario.code, **unit_fields)
    central = central or person(Role.CENTRAL_ADMIN, unit)
    people = {
        "coordinator": person(Role.COORDINATOR, unit),
        "executive": person(Role.EXECUTIVE, unit, position="ผู้อำนวยการกองทดสอบ"),
        "central": central,
        "evaluator": evaluator or central,
    }
    with disable_auditlog():  # setting the scene is not a change anybody made
        UnitYearBuilder(cycle=cycle, unit=unit, scenario=scenario, people=people).build()
    return unit

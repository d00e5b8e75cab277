"""Shared set-up of the timeline tests: FY2568 with the seed's windows and rounds, a clock, and
the dates form's data."""

import datetime as dt
import json
from contextlib import contextmanager
from unittest import mock

from django.test import Client

from pmqa4.core.testing.factories import MeetingFactory
from pmqa4.cycles import services
from pmqa4.cycles.models import Round, Step, StepExtension

D = dt.date
WINDOWS = {
    1: (D(2024, 11, 1), D(2024, 11, 29)),
    2: (D(2024, 12, 20), D(2025, 9, 30)),
    3: (D(2025, 1, 17), D(2025, 1, 31)),
    4: (D(2025, 9, 15), D(2025, 9, 24)),
    5: (D(2025, 9, 15), D(2025, 9, 30)),
}
ROUNDS = {1: D(2025, 3, 31), 2: D(2025, 9, 30)}
MEETING_DAYS = (D(2024, 12, 20), D(2025, 2, 14))
EXTENDED_TO = D(2024, 12, 6)  # step 1, due 29 November


def seed_dates(cycle):
    """The seed's opening dates and both rounds on the factory's cycle (whose due dates match)."""
    for number, (opens_on, due_on) in WINDOWS.items():
        Step.objects.filter(cycle=cycle, number=number).update(opens_on=opens_on, due_on=due_on)
    for number, day in ROUNDS.items():
        Round.objects.update_or_create(cycle=cycle, number=number, defaults={"assessed_on": day})
    return cycle


def meetings(cycle, days=MEETING_DAYS, **fields):
    return [MeetingFactory(cycle=cycle, held_on=day, **fields) for day in days]


def extend(cycle, unit, by, number=1, due_on=EXTENDED_TO, reason="พื้นที่ห่างไกล"):
    return StepExtension.objects.create(
        step=cycle.steps.get(number=number), unit=unit, due_on=due_on, reason=reason, granted_by=by
    )


@contextmanager
def clock(moment: dt.datetime):
    """Every timezone.now() (and so localdate()) in the process reads ``moment``."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def be(day: dt.date) -> str:
    """A date as the forms show it: 29/11/2567."""
    return f"{day.day}/{day.month}/{day.year + 543}"


def dates_data(cycle, **changes) -> dict:
    """The dates form as loaded (every stored date, B.E.), with ``changes`` typed over it."""
    steps = list(cycle.steps.order_by("number"))
    stored = services.stored_dates(cycle, steps, list(cycle.rounds.all()))
    data = {key: be(day) if day else "" for key, day in stored.items()}
    data["seen"] = json.dumps(services.snapshot(stored))
    return data | changes

"""The API tests' world: units A and B each with Forms 1–3, step-5 actuals and published
scores; tokens for the cast; a client that sends a token."""

import datetime as dt
import sys
from collections import Counter
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.utils import timezone

from pmqa4.api import tokens
from pmqa4.api.models import Scope
from pmqa4.core.testing.factories import KpiFactory, KpiSheetFactory, bangkok
from pmqa4.framework.models import Characteristic, Dimension, MaturityLevel, PmqaCategory
from pmqa4.framework.reference import load_reference_data
from pmqa4.plans.models import (
    ActionPlan,
    Activity,
    ActivityStep,
    KpiActual,
    PlanItem,
    ThreeYearPlan,
)
from pmqa4.scoring.services import scores_publish
from pmqa4.submissions.models import State, Submission

API = "/api/v1"


def pytest_terminal_summary(terminalreporter):
    """How many requests Schemathesis generated, by status, when its tests ran."""
    module = sys.modules.get("pmqa4.api.tests.test_schemathesis")
    sent = getattr(module, "SENT", None)
    if not sent:
        return
    by_status = Counter(status for *_, status in sent)
    line = ", ".join(f"{status}: {count}" for status, count in sorted(by_status.items()))
    terminalreporter.write_line(f"schemathesis: {len(sent)} generated requests ({line})")


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The rate limit counts in Django's cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def issue(db):
    """issue(user, scope="read", expires_at=None) → the token's secret."""

    def make(user, scope=Scope.READ, expires_at=None, name="ระบบรายงานผลของกอง"):
        issued = tokens.issue(
            user=user, name=name, scope=scope, expires_at=expires_at, now=timezone.now()
        )
        return issued.secret

    return make


class Caller:
    """A Django test client that sends ``Authorization: Bearer <secret>`` (or nothing)."""

    def __init__(self, client, secret):
        self.client = client
        self.headers = {"Authorization": f"Bearer {secret}"} if secret else {}

    def get(self, path, params=None):
        return self.client.get(API + path, params or {}, headers=self.headers)

    def post(self, path, body):
        return self.client.post(
            API + path, body, content_type="application/json", headers=self.headers
        )

    def send(self, method, path, **kwargs):
        return self.client.generic(method, API + path, headers=self.headers, **kwargs)


@pytest.fixture
def caller(client):
    """caller(secret) → a Caller; caller(None) sends no token."""
    return lambda secret: Caller(client, secret)


def _unit_plans(unit, cycle, dimensions, letter):
    """Form 1 (two items), Form 2 (one activity with a step), three KPIs: K1 in the action plan
    with a target and an actual, K2 only in Form 1, K3 in the action plan without a sheet."""
    k1 = KpiFactory(unit=unit, cycle=cycle, code="K1", name=f"ร้อยละของบริการออนไลน์ {letter}")
    k2 = KpiFactory(unit=unit, cycle=cycle, code="K2", name="จำนวนชุดข้อมูลที่เปิดเผย")
    k3 = KpiFactory(unit=unit, cycle=cycle, code="K3", name="ความพึงพอใจของผู้รับบริการ")
    sheet = KpiSheetFactory(kpi=k1, dimension=dimensions[1], target=Decimal("80"))
    sheet.baselines.create(fiscal_year=2567, value=Decimal("72.5"), note="ผลปีก่อน")
    KpiSheetFactory(kpi=k2, dimension=dimensions[2], target=Decimal("12"))
    plan = ThreeYearPlan.objects.create(unit=unit, cycle=cycle, first_year=2568)
    item1 = PlanItem.objects.create(
        plan=plan, dimension=dimensions[1], number=1, name="พัฒนาบริการออนไลน์", in_year1=True
    )
    item1.kpis.set([k1])
    item1.characteristics.set(Characteristic.objects.filter(dimension=dimensions[1])[:1])
    item2 = PlanItem.objects.create(
        plan=plan,
        dimension=dimensions[2],
        number=1,
        name="เปิดเผยข้อมูลภาครัฐ",
        in_year2=True,
        in_year3=True,
    )
    item2.kpis.set([k2])
    action_plan = ActionPlan.objects.create(unit=unit, cycle=cycle)
    activity = Activity.objects.create(
        action_plan=action_plan,
        dimension=dimensions[1],
        number=1,
        name="ยื่นคำขอออนไลน์",
        months=[3, 1, 2],
        responsible="กลุ่มงานบริการ",
        plan_item=item1,
    )
    activity.kpis.set([k1, k3])
    ActivityStep.objects.create(activity=activity, number=1, name="ออกแบบแบบฟอร์ม", months=[1])
    KpiActual.objects.create(
        kpi=k1,
        value=Decimal("90"),
        measured_on=dt.date(2025, 3, 31),
        reported_at=bangkok("2025-04-01 10:00"),
    )
    return SimpleNamespace(k1=k1, k2=k2, k3=k3, item1=item1, item2=item2, activity=activity)


@pytest.fixture
def world(cast, cycle):
    load_reference_data(  # a transactional test empties the tables the data migration filled
        category=PmqaCategory,
        dimension=Dimension,
        characteristic=Characteristic,
        maturity=MaturityLevel,
    )
    dimensions = {d.number: d for d in Dimension.objects.all()}
    a = _unit_plans(cast.unit_a, cycle, dimensions, "เอ")
    b = _unit_plans(cast.unit_b, cycle, dimensions, "บี")
    at = bangkok("2024-11-20 10:00")
    Submission.objects.create(
        unit=cast.unit_a,
        step=cycle.steps.get(number=1),
        state=State.ACCEPTED,
        first_submitted_at=at,
        last_submitted_at=at,
    )
    first = scores_publish(cycle=cycle, kind=1, actor=cast.central, now=bangkok("2025-02-10 09:00"))
    again = scores_publish(cycle=cycle, kind=1, actor=cast.central, now=bangkok("2025-02-12 09:00"))
    score = {r.unit.code: r for r in again}
    return SimpleNamespace(
        cast=cast,
        cycle=cycle,
        a=a,
        b=b,
        first=first,
        score_a=score["OPS-AAA"],
        score_b=score["OPS-BBB"],
    )

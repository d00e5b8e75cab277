"""Running the permission matrix (rows in matrix.py): the URL patterns of config.urls, the
world of objects the URLs point into, and one request per row, variant, method and actor."""

import datetime as dt
from types import SimpleNamespace

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from pmqa4.framework.models import Characteristic, Dimension, MaturityLevel, PmqaCategory
from pmqa4.framework.reference import load_reference_data
from pmqa4.plans.models import ActionPlan, Activity, ActivityStep, PlanItem, ThreeYearPlan

from .factories import (
    KpiFactory,
    KpiSheetFactory,
    MeetingFactory,
    RosterFactory,
    TeamMemberFactory,
    bangkok,
)
from .matrix import ACTORS, ADMIN, ADMIN_LOGIN, LOGIN, MATRIX, UNIT, YEAR, Row

# The URL patterns ---------------------------------------------------------------------------


def url_patterns() -> list[tuple[str, str]]:
    """(route, name) of every pattern of config.urls, includes followed; the admin as one."""
    found = []

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if route == ADMIN:
                    found.append((ADMIN, "admin:*"))
                    continue
                inner = ":".join(n for n in (namespace, pattern.namespace) if n)
                walk(pattern.url_patterns, route, inner)
            else:
                found.append((route, ":".join(n for n in (namespace, pattern.name or "") if n)))

    walk(get_resolver().url_patterns, "", "")
    return found


# The world the URLs point into ---------------------------------------------------------------


def build_world(cast, cycle) -> SimpleNamespace:
    """Units A and B each with one object of every kind a URL names; step 4 submitted (with a
    finding and an evidence file); one central meeting."""
    load_reference_data(  # a transactional test may have emptied the reference tables
        category=PmqaCategory,
        dimension=Dimension,
        characteristic=Characteristic,
        maturity=MaturityLevel,
    )
    from pmqa4.submissions.models import EvidenceFile, Finding, State, Submission

    sides = {}
    for letter, team in (("a", cast.unit_a), ("b", cast.unit_b)):
        coordinator = getattr(cast, f"coordinator_{letter}")
        dimension = Dimension.objects.get(number=1)
        member = TeamMemberFactory(
            roster=RosterFactory(unit=team, cycle=cycle), email=coordinator.email
        )
        kpi = KpiFactory(unit=team, cycle=cycle, code=f"K{letter.upper()}1")
        sheet = KpiSheetFactory(kpi=kpi, dimension=dimension)
        sheet_step = sheet.steps.create(number=1, detail="วางแผน")
        plan = ThreeYearPlan.objects.create(unit=team, cycle=cycle, first_year=YEAR)
        item = PlanItem.objects.create(
            plan=plan, dimension=dimension, number=1, name="เชื่อมโยงข้อมูล", in_year1=True
        )
        action_plan = ActionPlan.objects.create(unit=team, cycle=cycle)
        activity = Activity.objects.create(
            action_plan=action_plan, dimension=dimension, number=1, name="ลดขั้นตอน", months=[1]
        )
        activity.kpis.set([kpi])
        activity_step = ActivityStep.objects.create(activity=activity, number=1, name="ขั้นแรก")
        at = bangkok("2025-09-22 10:00")
        submission = Submission.objects.create(
            unit=team,
            step=cycle.steps.get(number=4),
            state=State.SUBMITTED,
            first_submitted_at=at,
            last_submitted_at=at,
        )
        finding = Finding.objects.create(
            submission=submission,
            kind="not_as_prescribed",
            note="ส่งเป็นกระดาษ",
            recorded_by=cast.evaluator,
            recorded_at=at,
        )
        evidence = EvidenceFile(
            unit=team,
            submission=submission,
            original_name="หลักฐาน.pdf",
            content_type="application/pdf",
            size=8,
            sha256="0" * 64,
            uploaded_by=coordinator,
        )
        evidence.file.save("evidence.pdf", ContentFile(b"%PDF-1.4"), save=True)
        sides[letter] = SimpleNamespace(
            unit=team,
            member=member.pk,
            kpi=kpi.pk,
            kpi_code=kpi.code,
            sheet_step=sheet_step.pk,
            item=item.pk,
            activity=activity.pk,
            activity_step=activity_step.pk,
            submission=submission.pk,
            finding=finding.pk,
            evidence=evidence.pk,
            step=4,
        )
    meeting = MeetingFactory(cycle=cycle, held_on=dt.date(2024, 12, 20))
    scores = _published_scores(cast, cycle)
    api_tokens, own_token = _api_tokens(cast)
    sides["a"].score, sides["b"].score = scores[cast.unit_a.pk], scores[cast.unit_b.pk]
    return SimpleNamespace(
        bundle=_bundle(cast, cycle),
        api_tokens=api_tokens,
        own_token=own_token,
        notification=_notification(cast),
        a=sides["a"],
        b=sides["b"],
        cast=cast,
        meeting=meeting.pk,
        token=meeting.checkin_token,
        submission=sides["a"].submission,
    )


def _api_tokens(cast) -> tuple[dict[str, str], int]:
    """A bearer token for each signed-in actor (allowed to record KPI actuals: what the user
    may do is then up to their roles), and the id of unit A's coordinator's."""
    from django.utils import timezone

    from pmqa4.api.models import Scope
    from pmqa4.api.tokens import issue

    secrets, tokens = {}, {}
    for actor in ACTORS[1:]:
        issued = issue(
            user=getattr(cast, actor),
            name="matrix",
            scope=Scope.READ_WRITE_ACTUALS,
            expires_at=None,
            now=timezone.now(),
        )
        secrets[actor], tokens[actor] = issued.secret, issued.token.pk
    return secrets, tokens["coordinator_a"]


def _notification(cast) -> int:
    from pmqa4.notifications.notify import Message, notify

    message = Message(kind="test", key="matrix", title="ทดสอบ", body="ทดสอบ", link="/")
    return notify([cast.coordinator_a], message, send=False)[0].pk


def _published_scores(cast, cycle) -> dict[int, int]:
    """Unit id → its published year score."""
    from pmqa4.scoring.models import ScoreKind
    from pmqa4.scoring.services import scores_publish

    records = scores_publish(
        cycle=cycle, kind=ScoreKind.YEAR, actor=cast.central, now=bangkok("2025-10-01 09:00")
    )
    return {record.unit_id: record.pk for record in records}


def _bundle(cast, cycle) -> int:
    """A finished ZIP of all units' documents."""
    from pmqa4.documents.models import BundleStatus, DocumentBundle

    bundle = DocumentBundle(
        requested_by=cast.central, cycle=cycle, step="1", fmt="pdf", status=BundleStatus.DONE
    )
    bundle.file.save("pmqa4_2568_roster.zip", ContentFile(b"PK\x05\x06" + bytes(18)), save=True)
    return bundle.pk


# Running the matrix ---------------------------------------------------------------------------


def _variant(row: Row, name: str, expected: tuple) -> tuple:
    """The expectations of the "other" and "mixed" variants (see the module's docstring)."""
    own = dict(zip(ACTORS, expected, strict=True))
    if name == "own":
        return expected
    if name == "other":
        changed = {"coordinator_b": own["coordinator_a"]}
        changed |= {actor: 404 for actor in ("coordinator_a", "executive_a", "staff_a")}
    else:  # mixed
        changed = {actor: 404 for actor, status in own.items() if _passed(status)}
    return tuple(own[a] if own[a] == 405 else changed.get(a, own[a]) for a in ACTORS)


def _passed(status) -> bool:
    return status not in (LOGIN, ADMIN_LOGIN, 401, 403, 404, 405)


def requests_of(route: str, world) -> list[tuple[str, str, str, str, object]]:
    """(variant, method, actor, url, expected) for every request the row asks for."""
    row = MATRIX[route]
    variants = [("own", world.a, world.a)]
    if row.scope == UNIT:
        variants.append(("other", world.b, world.b))
        if row.objects:
            variants.append(("mixed", world.a, world.b))
    planned = []
    for name, code_side, object_side in variants:
        urls = row.url(world, code_side, object_side)
        for url in [urls] if isinstance(urls, str) else urls:
            for method, expected in (("get", row.get), ("post", row.post)):
                if expected is None:
                    continue
                for actor, status in zip(ACTORS, _variant(row, name, expected), strict=True):
                    planned.append((name, method, actor, url, status))
    return planned


def outcome(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("login")):
            return LOGIN
        if location.startswith(reverse("admin:login")):
            return ADMIN_LOGIN
    return response.status_code


def signed_in_sessions(world) -> dict[str, str]:
    """A session key for each signed-in actor, made once (before the savepoints: every request
    then starts from the same signed-in session, whatever the previous one did to it)."""
    keys = {}
    for actor in ACTORS[1:]:
        client = Client()
        client.force_login(getattr(world.cast, actor))
        keys[actor] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return keys


def check(route: str, world) -> tuple[int, list[str]]:
    """Send every request of the row, each in a savepoint rolled back after it (a POST that
    saves does not change what the next actor sees): (requests sent, mismatches)."""
    row = MATRIX[route]
    planned = requests_of(route, world)
    sessions = signed_in_sessions(world)
    wrong = []
    for variant, method, actor, url, expected in planned:
        with transaction.atomic():
            response = _send(row, method, url, actor, sessions, world)
            got = outcome(response)
            transaction.set_rollback(True)
        if got != expected:
            error = getattr(response, "exc_info", None)
            detail = f" ({error[1]!r})" if error else ""
            wrong.append(
                f"{method.upper()} {url} [{variant}] as {actor}: {got}{detail}, expected {expected}"
            )
    return len(planned), wrong


def _send(row: Row, method: str, url: str, actor: str, sessions, world):
    """One request as ``actor``: its session cookie, or for the REST API its bearer token."""
    client = Client(raise_request_exception=False)
    headers = {}
    if actor != "anonymous" and row.api:
        headers["Authorization"] = f"Bearer {world.api_tokens[actor]}"
    elif actor != "anonymous":
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[actor]
    if method == "get":
        return client.get(url, row.data, headers=headers)
    if row.api:
        return client.post(url, row.data, content_type="application/json", headers=headers)
    return client.post(url, row.data, headers=headers)

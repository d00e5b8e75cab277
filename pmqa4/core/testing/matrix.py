"""The permission matrix: every URL pattern of config.urls, each actor, the status expected.

A row says how to build the pattern's URL and what each actor gets (``ACTORS`` order):
anonymous, unit A's coordinator and executive, unit B's coordinator, the evaluator, the central
administrator, unit A's staff member with no role, and the ministry's executive (reads what the
evaluator reads, changes nothing). LOGIN is a redirect to the login page; a
bare 302 is a redirect anywhere else (after a save, or to the person's own page).

A unit row (``UNIT``) is written for unit A's own URL and checked three ways:
  own    unit A's code with unit A's objects: the row as written;
  other  unit B's code with unit B's objects: unit B's coordinator gets what unit A's does, unit
         A's people 404 (another unit's object), everyone else as written;
  mixed  unit A's code with an object of unit B (rows with ``objects=True``): whoever got through
         the access checks on "own" now gets 404, the rest as written.
A 405 (wrong method) stays 405 everywhere: the method is checked before anything else.

Rows are keyed by the pattern's route: a URL pattern without a row fails the test (name it here);
the admin is one row, checked on two of its pages, and its generated patterns are not walked.
matrix_check.py builds the world the URLs point into and sends the requests.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from pmqa4.notices.testing import matrix_url as _notices

ACTORS = (
    "anonymous",
    "coordinator_a",
    "executive_a",
    "coordinator_b",
    "evaluator",
    "central",
    "staff_a",
    "ministry",
)
LOGIN = "→login"
ADMIN_LOGIN = "→admin login"
ADMIN = "admin/"  # the admin's include: one row, its generated patterns are not listed
UNIT, CENTRAL, OPEN = "unit", "central", "open"
YEAR = 2568


def unit(coordinator, executive, evaluator, central, ministry=403):
    """A unit A page: anonymous to the login; unit B's coordinator and A's staff (no role, so the
    unit is not theirs to see) 404; the ministry's executive only reads (see READ)."""
    return (LOGIN, coordinator, executive, 404, evaluator, central, 404, ministry)


def central(evaluator, administrator):
    """A central page (not a unit's object): unit roles are refused with 403; the ministry's
    executive gets what the evaluator gets (the evaluator's central pages are all reading)."""
    return (LOGIN, 403, 403, 403, evaluator, administrator, 403, evaluator)


def everyone(status):
    return (status,) * len(ACTORS)


def signed_in(status):
    return (LOGIN, *(status,) * (len(ACTORS) - 1))


def api_unit(coordinator, executive, evaluator, central):
    """A unit A address of the REST API: a bearer token of each actor; none is a 401. The
    ministry's executive reads what the evaluator reads and, like them, records nothing."""
    return (401, coordinator, executive, 404, evaluator, central, 404, evaluator)


def api_signed(status):
    return (401, *(status,) * (len(ACTORS) - 1))


POST_ONLY = everyone(405)  # require_POST before login_required
POST_ONLY_SIGNED_IN = signed_in(405)  # login_required before require_POST
READ = unit(200, 200, 200, 200, ministry=200)
EDIT = unit(200, 403, 403, 403)


@dataclass(frozen=True)
class Row:
    """``url(world, code_side, object_side)``; ``get``/``post``: a status per actor."""

    url: object
    get: tuple
    post: tuple | None = None
    scope: str = UNIT
    objects: bool = False
    data: dict = field(default_factory=dict)
    api: bool = False  # the REST API: each actor sends its bearer token, not a session


def _u(name, *parts):
    """A unit URL: its code, then the fiscal year and object ids where the route has them."""

    def build(w, c, o):
        args = [c.unit.code]
        for part in parts:
            args.append(YEAR if part == "year" else getattr(o, part) if part != "dim" else 1)
        return reverse(name, args=args)

    return build


def _c(name, *parts):
    """A URL outside the units: a part that names an object of the world (``meeting``, ``token``
    …) is that object's id, any other part is used as it is."""
    return lambda w, c, o: reverse(name, args=[getattr(w, str(p), p) for p in parts])


def _extension(name):
    """A URL of unit A's extension of step 1 (the world has none: made on first use)."""

    def build(w, c, o):
        import datetime as dt

        from pmqa4.cycles.models import Step, StepExtension

        step = Step.objects.get(cycle__fiscal_year=YEAR, number=1)
        extension, _ = StepExtension.objects.get_or_create(
            step=step,
            unit=w.a.unit,
            defaults={
                "due_on": step.due_on + dt.timedelta(days=5),
                "reason": "พื้นที่ห่างไกล",
                "granted_by": w.cast.central,
            },
        )
        return reverse(name, args=[YEAR, extension.pk])

    return build


STEP = ("year", "step")
MATRIX = {
    # Public and account pages --------------------------------------------------------------
    "": Row(_c("home"), signed_in(302), scope=OPEN),
    "healthz": Row(_c("healthz"), everyone(200), everyone(405), scope=OPEN),
    "accounts/login/": Row(_c("login"), (200, *(302,) * (len(ACTORS) - 1)), scope=OPEN),
    "accounts/logout/": Row(_c("logout"), everyone(405), everyone(LOGIN), scope=OPEN),
    "accounts/password_change/": Row(  # an empty post: the form again, with its errors
        _c("password_change"), signed_in(200), signed_in(200), scope=OPEN
    ),
    "accounts/password_change/done/": Row(_c("password_change_done"), signed_in(200), scope=OPEN),
    "accounts/password_reset/": Row(_c("password_reset"), everyone(200), everyone(200), scope=OPEN),
    "accounts/password_reset/done/": Row(_c("password_reset_done"), everyone(200), scope=OPEN),
    "accounts/reset/<uidb64>/<token>/": Row(
        lambda w, c, o: reverse("password_reset_confirm", args=["MQ", "not-a-token"]),
        everyone(200),  # "this link is no longer valid", for anyone
        scope=OPEN,
    ),
    "accounts/reset/done/": Row(_c("password_reset_complete"), everyone(200), scope=OPEN),
    "i18n/setlang/": Row(
        _c("set_language"),
        everyone(302),
        everyone(302),
        scope=OPEN,
        data={"language": "en", "next": "/cycles/"},
    ),
    ADMIN: Row(
        lambda w, c, o: [reverse("admin:index"), reverse("admin:org_unit_changelist")],
        (ADMIN_LOGIN, 404, 404, 404, 404, 200, 404, 404),
        scope=OPEN,
    ),
    "cycles/": Row(_c("cycles:current"), everyone(200), scope=OPEN),
    "cycles/<int:fiscal_year>/": Row(_c("cycles:timeline", YEAR), everyone(200), scope=OPEN),
    # The timeline's PDF for anyone; its dates and the units' extensions are the central
    # administrator's (empty posts: refused as incomplete, 400; a revoke from no page: 302)
    "cycles/<int:fiscal_year>/timeline.pdf": Row(
        _c("cycles:timeline-pdf", YEAR), everyone(200), scope=OPEN
    ),
    "cycles/<int:fiscal_year>/dates/": Row(
        _c("cycles:dates", YEAR), central(403, 200), central(403, 400), scope=CENTRAL
    ),
    "cycles/<int:fiscal_year>/extensions/": Row(
        _c("cycles:extensions", YEAR), central(403, 200), central(403, 400), scope=CENTRAL
    ),
    "cycles/<int:fiscal_year>/extensions/<int:pk>/": Row(
        _extension("cycles:extension-edit"), central(403, 200), central(403, 400), scope=CENTRAL
    ),
    "cycles/<int:fiscal_year>/extensions/<int:pk>/revoke/": Row(
        _extension("cycles:extension-revoke"), POST_ONLY, central(403, 302), scope=CENTRAL
    ),
    "meetings/checkin/<str:token>/": Row(
        _c("teams:checkin", "token"),
        signed_in(200),
        # the unit coordinators tick their own members (the meeting is over: a message);
        # nobody else has anyone to tick
        (LOGIN, 302, 403, 302, 403, 403, 403, 403),
        scope=OPEN,
    ),
    # The central group's pages -------------------------------------------------------------
    "central/": Row(_c("dashboard:overview"), central(200, 200), scope=CENTRAL),
    "central/charts/": Row(_c("dashboard:charts"), central(200, 200), scope=CENTRAL),
    "central/export/<str:table>.<str:fmt>": Row(
        lambda w, c, o: reverse("dashboard:export", args=["matrix", "xlsx"]),
        central(200, 200),
        scope=CENTRAL,
    ),
    "central/scores/": Row(_c("scoring:board"), central(200, 200), scope=CENTRAL),
    "central/scores/publish/": Row(
        _c("scoring:publish"), POST_ONLY, central(403, 302), scope=CENTRAL
    ),
    "central/review/": Row(_c("submissions:review-queue"), central(200, 200), scope=CENTRAL),
    "central/review/<int:pk>/": Row(
        _c("submissions:review", "submission"), central(200, 200), scope=CENTRAL
    ),
    "central/review/<int:pk>/accept/": Row(
        _c("submissions:accept", "submission"), POST_ONLY, central(403, 302), scope=CENTRAL
    ),
    "central/review/<int:pk>/return/": Row(
        _c("submissions:return", "submission"), POST_ONLY, central(403, 302), scope=CENTRAL
    ),
    "central/review/<int:pk>/comment/": Row(
        _c("submissions:comment", "submission"), POST_ONLY, central(403, 302), scope=CENTRAL
    ),
    "central/<int:year>/meetings/": Row(
        _c("teams:meetings", YEAR), central(200, 200), central(403, 200), scope=CENTRAL
    ),
    "central/meetings/<int:pk>/edit/": Row(
        _c("teams:meeting-edit", "meeting"), central(403, 200), central(403, 200), scope=CENTRAL
    ),
    "central/meetings/<int:pk>/attendance/": Row(
        _c("teams:attendance", "meeting"), central(200, 200), central(403, 302), scope=CENTRAL
    ),
    "central/meetings/<int:pk>/checkin-qr/": Row(
        _c("teams:checkin-qr", "meeting"), central(403, 200), scope=CENTRAL
    ),
    # A unit's pages --------------------------------------------------------------------------
    "units/<str:code>/": Row(_u("org:unit-home"), READ),
    "units/<str:code>/score/": Row(_u("scoring:unit"), READ),
    "units/<str:code>/findings/": Row(
        _u("scoring:finding-create"), POST_ONLY, unit(403, 403, 302, 302)
    ),
    "units/<str:code>/findings/<int:pk>/withdraw/": Row(
        _u("scoring:finding-withdraw", "finding"),
        POST_ONLY,
        unit(403, 403, 302, 302),
        objects=True,
    ),
    "units/<str:code>/evidence/<int:pk>/": Row(
        _u("submissions:evidence", "evidence"), READ, objects=True
    ),
    "units/<str:code>/evidence/<int:pk>/delete/": Row(
        _u("submissions:evidence-delete", "evidence"),
        POST_ONLY,
        unit(302, 403, 403, 403),
        objects=True,
    ),
    # steps (4 is submitted: the actions answer with a message and a redirect)
    "units/<str:code>/<int:year>/steps/<int:step>/submit/": Row(
        _u("submissions:submit", *STEP), POST_ONLY, unit(302, 403, 403, 403)
    ),
    "units/<str:code>/<int:year>/steps/<int:step>/sign/": Row(
        _u("submissions:sign", *STEP), unit(403, 200, 403, 403), unit(403, 302, 403, 403)
    ),
    "units/<str:code>/<int:year>/steps/<int:step>/send-back/": Row(
        _u("submissions:send-back", *STEP), POST_ONLY, unit(403, 302, 403, 403)
    ),
    "units/<str:code>/<int:year>/steps/<int:step>/history/": Row(
        _u("submissions:history", *STEP), READ
    ),
    "units/<str:code>/<int:year>/steps/<int:step>/evidence/": Row(
        _u("submissions:evidence-upload", *STEP), POST_ONLY, unit(302, 302, 403, 403)
    ),
    # step 1 and 2
    "units/<str:code>/<int:year>/roster/": Row(_u("teams:roster", "year"), READ),
    "units/<str:code>/<int:year>/roster/members/add/": Row(
        _u("teams:member-add", "year"), EDIT, EDIT
    ),
    "units/<str:code>/<int:year>/roster/members/<int:pk>/": Row(
        _u("teams:member-row", "year", "member"),
        unit(302, 302, 302, 302, ministry=302),
        objects=True,
    ),
    "units/<str:code>/<int:year>/roster/members/<int:pk>/edit/": Row(
        _u("teams:member-edit", "year", "member"), EDIT, EDIT, objects=True
    ),
    "units/<str:code>/<int:year>/roster/members/<int:pk>/remove/": Row(
        _u("teams:member-remove", "year", "member"),
        EDIT,
        unit(302, 403, 403, 403),
        objects=True,
    ),
    "units/<str:code>/<int:year>/meetings/": Row(_u("teams:unit-meetings", "year"), READ),
    # step 3 (empty posts: the coordinator's is refused as incomplete, 400)
    "units/<str:code>/<int:year>/plans/": Row(_u("plans:overview", "year"), READ),
    "units/<str:code>/<int:year>/plans/form1/": Row(_u("plans:form1", "year"), READ),
    "units/<str:code>/<int:year>/plans/form2/": Row(_u("plans:form2", "year"), READ),
    "units/<str:code>/<int:year>/plans/kpis/": Row(_u("plans:kpis", "year"), READ),
    "units/<str:code>/<int:year>/plans/form1/add/<int:dimension>/": Row(
        _u("plans:form1-item-add", "year", "dim"), POST_ONLY, unit(400, 403, 403, 403)
    ),
    "units/<str:code>/<int:year>/plans/form1/items/<int:pk>/": Row(
        _u("plans:form1-item", "year", "item"),
        POST_ONLY,
        unit(400, 403, 403, 403),
        objects=True,
    ),
    "units/<str:code>/<int:year>/plans/form1/carry-over/": Row(
        _u("plans:form1-carry-over", "year"), POST_ONLY, unit(400, 403, 403, 403)
    ),
    "units/<str:code>/<int:year>/plans/form2/add/<int:dimension>/": Row(
        _u("plans:form2-activity-add", "year", "dim"), POST_ONLY, unit(400, 403, 403, 403)
    ),
    "units/<str:code>/<int:year>/plans/form2/activities/<int:pk>/": Row(
        _u("plans:form2-activity", "year", "activity"),
        POST_ONLY,
        unit(400, 403, 403, 403),
        objects=True,
    ),
    "units/<str:code>/<int:year>/plans/form2/activities/<int:activity>/steps/add/": Row(
        _u("plans:form2-step-add", "year", "activity"),
        POST_ONLY,
        unit(400, 403, 403, 403),
        objects=True,
    ),
    "units/<str:code>/<int:year>/plans/form2/steps/<int:pk>/": Row(
        _u("plans:form2-step", "year", "activity_step"),
        POST_ONLY,
        unit(400, 403, 403, 403),
        objects=True,
    ),
    "units/<str:code>/<int:year>/plans/form2/draft-from-form1/": Row(
        _u("plans:form2-draft", "year"), POST_ONLY, unit(400, 403, 403, 403)
    ),
    "units/<str:code>/<int:year>/plans/kpis/<str:kpi_code>/": Row(
        _u("plans:kpi-sheet", "year", "kpi_code"), READ, unit(400, 403, 403, 403), objects=True
    ),
    "units/<str:code>/<int:year>/plans/kpis/<str:kpi_code>/steps/add/": Row(
        _u("plans:kpi-step-add", "year", "kpi_code"),
        POST_ONLY,
        unit(400, 403, 403, 403),
        objects=True,
    ),
    "units/<str:code>/<int:year>/plans/kpis/<str:kpi_code>/steps/<int:pk>/": Row(
        _u("plans:kpi-step", "year", "kpi_code", "sheet_step"),
        POST_ONLY,
        unit(400, 403, 403, 403),
        objects=True,
    ),
    # steps 4 and 5 (step 4 is submitted: the coordinator's save is refused with a message)
    "units/<str:code>/<int:year>/report/": Row(_u("reports:reports", "year"), READ),
    "units/<str:code>/<int:year>/report/<int:activity_pk>/": Row(
        _u("reports:report", "year", "activity"), READ, unit(400, 403, 403, 403), objects=True
    ),
    "units/<str:code>/<int:year>/actuals/": Row(_u("reports:actuals", "year"), READ),
    "units/<str:code>/<int:year>/actuals/<int:kpi_pk>/": Row(
        _u("reports:actual-report", "year", "kpi"),
        POST_ONLY_SIGNED_IN,
        unit(200, 403, 403, 403),
        objects=True,
    ),
    "api/v1/": Row(_c("api-1:api-root"), everyone(200), scope=OPEN, api=True),
    "api/v1/<path:rest>": Row(
        _c("api-1:unknown", "no/such/address"), everyone(404), scope=OPEN, api=True
    ),
    "api/v1/openapi.json": Row(_c("api-1:openapi-json"), everyone(200), scope=OPEN, api=True),
    "api/v1/docs": Row(_c("api-1:openapi-view"), everyone(200), scope=OPEN, api=True),
    "api/v1/me": Row(_c("api-1:me"), api_signed(200), scope=OPEN, api=True),
    "api/v1/units": Row(_c("api-1:units"), api_signed(200), scope=OPEN, api=True),
    "api/v1/cycles": Row(_c("api-1:cycle_list"), api_signed(200), scope=OPEN, api=True),
    "api/v1/cycles/<year>": Row(_c("api-1:cycle", YEAR), api_signed(200), scope=OPEN, api=True),
    "api/v1/cycles/<year>/step-status": Row(
        _c("api-1:step_status", YEAR), api_signed(200), scope=OPEN, api=True
    ),
    "api/v1/scores": Row(_c("api-1:scores"), api_signed(200), scope=OPEN, api=True),
    "api/v1/scores/<score_id>": Row(  # a published score of unit A (B's on "other")
        lambda w, c, o: reverse("api-1:score", args=[c.score]),
        api_unit(200, 200, 200, 200),
        api=True,
    ),
    "api/v1/units/<code>": Row(_u("api-1:unit"), api_unit(200, 200, 200, 200), api=True),
    "api/v1/units/<code>/cycles/<year>/steps": Row(
        _u("api-1:unit_steps", "year"), api_unit(200, 200, 200, 200), api=True
    ),
    "api/v1/units/<code>/cycles/<year>/plan-items": Row(
        _u("api-1:plan_items", "year"), api_unit(200, 200, 200, 200), api=True
    ),
    "api/v1/units/<code>/cycles/<year>/activities": Row(
        _u("api-1:activities", "year"), api_unit(200, 200, 200, 200), api=True
    ),
    "api/v1/units/<code>/cycles/<year>/kpis": Row(
        _u("api-1:kpis", "year"), api_unit(200, 200, 200, 200), api=True
    ),
    "api/v1/units/<code>/cycles/<year>/kpis/<kpi_code>": Row(
        _u("api-1:kpi_detail", "year", "kpi_code"),
        api_unit(200, 200, 200, 200),
        objects=True,
        api=True,
    ),
    "api/v1/units/<code>/cycles/<year>/kpis/<kpi_code>/actuals": Row(
        _u("api-1:actual_create", "year", "kpi_code"),
        everyone(405),  # the method is checked before the token
        api_unit(201, 403, 403, 403),  # only the unit's coordinator records
        objects=True,
        api=True,
        data={"value": "85", "measured_on": "2025-06-30"},
    ),
    "units/<str:code>/<int:year>/actuals/<int:kpi_pk>/preview/": Row(
        _u("reports:achievement-preview", "year", "kpi"), POST_ONLY_SIGNED_IN, READ, objects=True
    ),
    # Documents: blank forms for anyone, a unit's forms for its readers, ZIPs for the central
    # administrator, the Excel import for the unit's coordinator
    "forms/": Row(_c("downloads:blank_forms_current"), everyone(302), scope=OPEN),  # the year's
    "forms/<int:fiscal_year>/": Row(_c("downloads:blank_forms", YEAR), everyone(200), scope=OPEN),
    "forms/<int:fiscal_year>/qr.png": Row(
        _c("downloads:blank_forms_qr", YEAR), everyone(200), scope=OPEN
    ),
    "forms/<int:fiscal_year>/blank-form<str:kind>.<str:fmt>": Row(
        _c("downloads:blank_form", YEAR, "1", "xlsx"), everyone(200), scope=OPEN
    ),
    "central/summary/<int:fiscal_year>/": Row(
        _c("downloads:summary", YEAR), central(200, 200), scope=CENTRAL
    ),
    "central/summary/<int:fiscal_year>/summary.<str:fmt>": Row(
        _c("downloads:summary_download", YEAR, "docx"),
        central(200, 200),
        scope=CENTRAL,
    ),
    "units/<str:code>/<int:year>/documents/<str:doc>.<str:fmt>": Row(
        lambda w, c, o: reverse("downloads:download", args=[c.unit.code, YEAR, "form1", "xlsx"]),
        READ,
    ),
    "central/documents/": Row(
        _c("downloads:bundles-current"),
        central(403, 302),
        scope=CENTRAL,  # to the year's page
    ),
    "central/<int:year>/documents/": Row(
        _c("downloads:bundles", YEAR),
        central(403, 200),
        central(403, 200),  # an empty post is the page again
        scope=CENTRAL,
    ),
    "central/documents/<int:pk>/progress/": Row(
        _c("downloads:bundle-progress", "bundle"), central(403, 200), scope=CENTRAL
    ),
    "central/documents/<int:pk>/download/": Row(
        _c("downloads:bundle-download", "bundle"), central(403, 200), scope=CENTRAL
    ),
    "units/<str:code>/<int:year>/plans/import/<str:kind>/": Row(
        lambda w, c, o: reverse("excel:import", args=[c.unit.code, YEAR, "1"]),
        EDIT,
        unit(400, 403, 403, 403),  # no file: refused
    ),
    "units/<str:code>/<int:year>/plans/import/<str:kind>/template.xlsx": Row(
        lambda w, c, o: reverse("excel:import-template", args=[c.unit.code, YEAR, "1"]), EDIT
    ),
    "units/<str:code>/<int:year>/plans/import/<str:kind>/confirm/": Row(
        lambda w, c, o: reverse("excel:import-confirm", args=[c.unit.code, YEAR, "1"]),
        POST_ONLY,
        unit(302, 403, 403, 403),  # nothing previewed: back to the upload with a message
    ),
    "central/scores/excel/": Row(_c("excel:scoreboard"), central(200, 200), scope=CENTRAL),
    # Open data: published results for anyone, no sign-in
    "public/": Row(_c("opendata:home"), everyone(200), scope=OPEN),
    "public/data-dictionary/": Row(_c("opendata:dictionary"), everyone(200), scope=OPEN),
    "public/<int:year>/": Row(_c("opendata:index", YEAR), everyone(200), scope=OPEN),
    "public/<int:year>/units/<str:code>/": Row(
        lambda w, c, o: reverse("opendata:unit", args=[YEAR, w.a.unit.code]),
        everyone(200),
        scope=OPEN,
    ),
    "public/<int:year>/data/<str:dataset>.<str:fmt>": Row(
        _c("opendata:download", YEAR, "scores", "csv"), everyone(200), everyone(405), scope=OPEN
    ),
    # The audit trail: the central administrator's
    "audit/": Row(_c("audit:log"), central(403, 200), everyone(405), scope=CENTRAL),
    "audit/export.csv": Row(_c("audit:export"), central(403, 200), scope=CENTRAL),
    # Privacy: the notice for anyone, each person's own data for them
    "privacy/": Row(_c("privacy:notice"), everyone(200), scope=OPEN),
    "privacy/my-data/": Row(_c("privacy:my-data"), signed_in(200), scope=OPEN),
    "privacy/my-data/download/": Row(_c("privacy:my-data-download"), signed_in(200), scope=OPEN),
    # One's own sign-in security (nobody here has an authenticator app: the pages that need one
    # send back to the security page); the lock-outs are the central administrator's
    "accounts/security/": Row(_c("accounts:security"), signed_in(200), scope=OPEN),
    "accounts/security/app/": Row(  # no code: the page again, saying so
        _c("accounts:mfa-setup"), signed_in(200), signed_in(200), scope=OPEN
    ),
    "accounts/security/recovery-codes/": Row(
        _c("accounts:recovery-codes"), signed_in(302), scope=OPEN
    ),
    "accounts/security/recovery-codes/new/": Row(
        _c("accounts:recovery-regenerate"), POST_ONLY_SIGNED_IN, signed_in(302), scope=OPEN
    ),
    "accounts/security/off/": Row(_c("accounts:mfa-disable"), signed_in(302), scope=OPEN),
    "accounts/verify/": Row(_c("accounts:verify"), signed_in(302), scope=OPEN),
    # One's own API tokens and notifications: someone else's is a 404
    "accounts/tokens/": Row(  # no name: refused (400), the page again saying so
        _c("api-tokens:list"), signed_in(200), signed_in(400), scope=OPEN
    ),
    "accounts/tokens/<int:pk>/revoke/": Row(  # unit A's coordinator's token
        _c("api-tokens:revoke", "own_token"),
        POST_ONLY_SIGNED_IN,
        (LOGIN, 302, 404, 404, 404, 404, 404, 404),
        scope=OPEN,
    ),
    "notifications/": Row(_c("notifications:list"), signed_in(200), everyone(405), scope=OPEN),
    "notifications/count/": Row(_c("notifications:count"), signed_in(200), scope=OPEN),
    "notifications/<int:pk>/read/": Row(  # unit A's coordinator's notification
        _c("notifications:read", "notification"),
        POST_ONLY_SIGNED_IN,
        (LOGIN, 302, 404, 404, 404, 404, 404, 404),
        scope=OPEN,
    ),
    "notifications/read-all/": Row(
        _c("notifications:read-all"), POST_ONLY_SIGNED_IN, signed_in(302), scope=OPEN
    ),
    "notifications/preferences/": Row(  # an empty post switches e-mail off: saved, redirected
        _c("notifications:preferences"), signed_in(200), signed_in(302), scope=OPEN
    ),
    "notifications/preferences/test/": Row(
        _c("notifications:test"), POST_ONLY_SIGNED_IN, signed_in(302), scope=OPEN
    ),
    "notifications/preferences/line-code/": Row(
        _c("notifications:line-code"), POST_ONLY_SIGNED_IN, signed_in(302), scope=OPEN
    ),
    # LINE's webhook: signed by LINE, not a session; absent (404) while no channel secret is set
    "line/webhook/": Row(
        _c("notifications:line-webhook"), everyone(405), everyone(404), scope=OPEN
    ),
    "accounts/locked/": Row(_c("accounts:lockouts"), central(403, 200), scope=CENTRAL),
    "accounts/locked/unlock/": Row(
        _c("accounts:unlock"), POST_ONLY_SIGNED_IN, central(403, 302), scope=CENTRAL
    ),
    # Announcements (this one is to every unit), a thread of unit A, the FAQ, the contact card
    # (pmqa4/notices): everyone signed in reads; the central administrator writes
    "announcements/": Row(_c("notices:announcements"), signed_in(200), scope=OPEN),
    "announcements/new/": Row(  # an empty post: the form again, with its errors
        _c("notices:announcement-create"), central(403, 200), central(403, 200), scope=CENTRAL
    ),
    "announcements/<int:pk>/": Row(
        _notices("announcement", "announcement"), signed_in(200), scope=OPEN
    ),
    "announcements/<int:pk>/edit/": Row(
        _notices("announcement-edit", "announcement"),
        central(403, 200),
        central(403, 200),
        scope=CENTRAL,
    ),
    "announcements/<int:pk>/delete/": Row(
        _notices("announcement-delete", "announcement"),
        central(403, 200),
        central(403, 302),
        scope=CENTRAL,
    ),
    "announcements/<int:pk>/files/<int:file_pk>/": Row(
        _notices("announcement-file", "announcement", "file"), signed_in(200), scope=OPEN
    ),
    "questions/": Row(  # a unit's people and the central roles; no role: 403
        _c("notices:questions"), (LOGIN, 200, 200, 200, 200, 200, 403, 200), scope=OPEN
    ),
    "questions/new/": Row(  # a unit's coordinators and executives ask; an empty post: errors
        _c("notices:question-create"),
        (LOGIN, 200, 200, 200, 403, 403, 403, 403),
        (LOGIN, 200, 200, 200, 403, 403, 403, 403),
        scope=OPEN,
    ),
    "questions/<int:pk>/": Row(  # unit A's thread: unit B and A's staff (no role) 404
        _notices("thread", "thread"), (LOGIN, 200, 200, 404, 200, 200, 404, 200), scope=OPEN
    ),
    "questions/<int:pk>/answer/": Row(  # the central roles answer, unit A's people 403
        _notices("answer", "thread"),
        POST_ONLY,
        (LOGIN, 403, 403, 404, 302, 302, 404, 403),
        scope=OPEN,
        data={"answer-body": "ตอบตามคู่มือ"},
    ),
    "questions/<int:pk>/reply/": Row(  # unit A's people follow up, the central roles 403
        _notices("reply", "thread"),
        POST_ONLY,
        (LOGIN, 302, 302, 404, 403, 403, 404, 403),
        scope=OPEN,
        data={"reply-body": "ขอถามเพิ่ม"},
    ),
    "questions/<int:pk>/posts/<int:post_pk>/faq/": Row(  # the central administrator promotes
        _notices("promote", "thread", "answer"),
        (LOGIN, 403, 403, 404, 403, 200, 404, 403),
        (LOGIN, 403, 403, 404, 403, 200, 404, 403),  # an empty post: the form again
        scope=OPEN,
    ),
    "faq/": Row(_c("notices:faq"), signed_in(200), scope=OPEN),
    "faq/<int:pk>/edit/": Row(
        _notices("faq-edit", "faq"), central(403, 200), central(403, 200), scope=CENTRAL
    ),
    "faq/<int:pk>/delete/": Row(
        _notices("faq-delete", "faq"), central(403, 200), central(403, 302), scope=CENTRAL
    ),
    "contact/edit/": Row(
        _c("notices:contact-edit"), central(403, 200), central(403, 200), scope=CENTRAL
    ),
}

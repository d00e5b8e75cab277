"""The REST API at /api/v1/ (django-ninja): the routers, the token, the rate limit, JSON errors
for every status, and one line in the token-use log for every call made with a token."""

from functools import wraps

from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import path
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from . import errors, tokens
from .auth import TokenAuth, TokenRateThrottle
from .docs import LocalSwagger
from .endpoints import kpis, org, plans, scores

DESCRIPTION = _(
    "ข้อมูลของระบบติดตามการขับเคลื่อนหน่วยงานสู่ระบบราชการ ๔.๐ สำหรับระบบงานของหน่วยงาน "
    "ทุกคำขอต้องส่งโทเค็นการเข้าถึงส่วนบุคคลในส่วนหัว `Authorization: Bearer pmqa4_…` "
    "(สร้างได้ที่หน้า “โทเค็นการเข้าถึง API” /accounts/tokens/) "
    "โทเค็นเห็นข้อมูลเท่าที่ผู้ใช้เห็นในหน้าเว็บ: หน่วยงานอื่นตอบ 404 บทบาทไม่พอตอบ 403 "
    "ข้อผิดพลาดทุกกรณีตอบเป็น JSON ที่มี code (ภาษาอังกฤษ) และ message (ภาษาไทย) "
    "รายการแบ่งหน้าด้วย page และ page_size (สูงสุด ๑๐๐) ค่าทศนิยมส่งเป็นข้อความ "
    "วันที่เป็น ค.ศ. รูปแบบ ISO 8601"
)


class ThaiJSONRenderer(JSONRenderer):
    """Thai text as itself, not \\u escapes: still JSON, and readable in a terminal."""

    json_dumps_params = {"ensure_ascii": False}


class Pmqa4Api(NinjaAPI):
    def _get_urls(self):
        patterns = super()._get_urls()
        for pattern in patterns:
            if pattern.name == "api-root":
                pattern.callback = _answered(api_index)
            else:
                pattern.callback = _answered(pattern.callback)
        # Last: any other address under /api/v1/ is a JSON 404, not the site's HTML page.
        patterns.append(path("<path:rest>", _answered(unknown_address), name="unknown"))
        return patterns


def _answered(view):
    """A 405 as JSON; never kept by a browser or a proxy (the answers are not public); and the
    call in the token-use log when a token was recognised."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            response = errors.method_not_allowed(response["Allow"].split(", "))
        add_never_cache_headers(response)
        token = getattr(request, "api_token", None)
        if token is not None:
            tokens.record_use(token, request, response.status_code, now=timezone.now())
        return response

    wrapper.csrf_exempt = True
    return wrapper


def strict_query(run):
    """A query parameter the operation does not know is a 422: a misspelt filter (?staus=) must
    not be ignored silently and answer with everything. Wraps ninja's Operation.run."""
    operation = run.__self__
    known = {
        name
        for model in operation.models
        if model.__ninja_param_source__ == "query"
        for name in (model.__ninja_flatten_map__ or {})
    }

    @wraps(run)
    def checked(request, *args, **kwargs):
        unknown = sorted(set(request.GET) - known)
        if unknown:
            return errors.unknown_parameters(unknown, known)
        return run(request, *args, **kwargs)

    return checked


def api_index(request, *args, **kwargs):
    return JsonResponse(
        {
            "name": "PMQA 4.0 REST API",
            "version": api.version,
            "openapi": request.build_absolute_uri("openapi.json"),
            "docs": request.build_absolute_uri("docs"),
        }
    )


def unknown_address(request, rest):
    return errors.not_found()


api = Pmqa4Api(
    title="PMQA 4.0 REST API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-1",
    auth=TokenAuth(),
    throttle=TokenRateThrottle(),
    docs=LocalSwagger(),
    renderer=ThaiJSONRenderer(),
)
errors.install(api)
for module in (org, plans, kpis, scores):
    module.router.add_decorator(strict_query, mode="view")
api.add_router("", org.router)
api.add_router("", plans.router)
api.add_router("", kpis.router)
api.add_router("", scores.router)

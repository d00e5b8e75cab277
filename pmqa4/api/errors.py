"""Every API error is JSON: ``{"code": "...", "message": "...", "errors": [...]}``.

``message`` is Thai (the language of the people who read it first); ``code`` is a stable
English word a program can test. Field errors list where (``body.value``, ``query.page``) and
what, in Thai.
"""

import logging
import math

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

from pmqa4.core.errors import WorkflowError

logger = logging.getLogger(__name__)


class ApiError(Exception):
    """An error the API answers with its own status, code and Thai message."""

    def __init__(self, status: int, code: str, message, errors=None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = str(message)
        self.errors = errors or []


def error_response(status: int, code: str, message, errors=None, headers=None) -> JsonResponse:
    body = {"code": code, "message": str(message), "errors": errors or []}
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def not_authenticated(message=None, code="token_missing") -> ApiError:
    return ApiError(401, code, message or _("ต้องส่งโทเค็นในส่วนหัว Authorization: Bearer …"))


def not_found() -> JsonResponse:
    return error_response(404, "not_found", _("ไม่พบข้อมูลที่ขอ หรือท่านไม่มีสิทธิ์เข้าถึงข้อมูลนี้"))


def method_not_allowed(allowed) -> JsonResponse:
    allowed = sorted(allowed)
    message = _("ที่อยู่นี้ไม่รองรับวิธีเรียก (HTTP method) นี้ ใช้ได้เฉพาะ %(methods)s") % {
        "methods": ", ".join(allowed)
    }
    return error_response(405, "method_not_allowed", message, headers={"Allow": ", ".join(allowed)})


def unknown_parameters(names, known) -> JsonResponse:
    errors = [
        {"field": f"query.{name}", "message": _("ไม่รู้จักพารามิเตอร์นี้"), "type": "unknown_parameter"}
        for name in names
    ]
    if known:
        message = _("มีพารามิเตอร์ที่ไม่รู้จัก ใช้ได้เฉพาะ %(names)s") % {"names": ", ".join(sorted(known))}
    else:
        message = _("ที่อยู่นี้ไม่รับพารามิเตอร์ใน query string")
    return error_response(422, "validation_error", message, errors)


# pydantic's error types → Thai; anything else gets the general message.
PYDANTIC_MESSAGES = {
    "missing": gettext_lazy("ต้องระบุค่านี้"),
    "int_parsing": gettext_lazy("ต้องเป็นจำนวนเต็ม"),
    "int_type": gettext_lazy("ต้องเป็นจำนวนเต็ม"),
    "bool_parsing": gettext_lazy("ต้องเป็น true หรือ false"),
    "bool_type": gettext_lazy("ต้องเป็น true หรือ false"),
    "decimal_parsing": gettext_lazy("ต้องเป็นตัวเลข"),
    "decimal_type": gettext_lazy("ต้องเป็นตัวเลข"),
    "finite_number": gettext_lazy("ต้องเป็นตัวเลข"),
    "decimal_max_digits": gettext_lazy("ตัวเลขยาวเกินไป"),
    "decimal_whole_digits": gettext_lazy("ตัวเลขยาวเกินไป"),
    "decimal_max_places": gettext_lazy("ทศนิยมได้ไม่เกิน ๔ ตำแหน่ง"),
    "date_parsing": gettext_lazy("วันที่ไม่ถูกต้อง ใช้รูปแบบ ปปปป-ดด-วว (ค.ศ.) เช่น 2025-09-30"),
    "date_from_datetime_parsing": gettext_lazy(
        "วันที่ไม่ถูกต้อง ใช้รูปแบบ ปปปป-ดด-วว (ค.ศ.) เช่น 2025-09-30"
    ),
    "date_from_datetime_inexact": gettext_lazy(
        "วันที่ไม่ถูกต้อง ใช้รูปแบบ ปปปป-ดด-วว (ค.ศ.) เช่น 2025-09-30"
    ),
    "date_type": gettext_lazy("วันที่ไม่ถูกต้อง ใช้รูปแบบ ปปปป-ดด-วว (ค.ศ.) เช่น 2025-09-30"),
    "string_type": gettext_lazy("ต้องเป็นข้อความ"),
    "string_too_long": gettext_lazy("ข้อความยาวเกินไป"),
    "string_too_short": gettext_lazy("ข้อความสั้นเกินไป"),
    "string_pattern_mismatch": gettext_lazy("ข้อความมีอักขระที่ใช้ไม่ได้"),
    "greater_than_equal": gettext_lazy("ค่าน้อยเกินไป"),
    "greater_than": gettext_lazy("ค่าน้อยเกินไป"),
    "less_than_equal": gettext_lazy("ค่ามากเกินไป"),
    "less_than": gettext_lazy("ค่ามากเกินไป"),
    "enum": gettext_lazy("ไม่ใช่ค่าที่เลือกได้"),
    "literal_error": gettext_lazy("ไม่ใช่ค่าที่เลือกได้"),
    "extra_forbidden": gettext_lazy("ไม่รู้จักช่องนี้"),
    "model_attributes_type": gettext_lazy("รูปแบบข้อมูลไม่ถูกต้อง ต้องเป็น JSON object"),
    "dict_type": gettext_lazy("รูปแบบข้อมูลไม่ถูกต้อง ต้องเป็น JSON object"),
    "json_invalid": gettext_lazy("ข้อมูลไม่ใช่ JSON ที่ถูกต้อง"),
}


# ninja puts the view's parameter name after the source ("body", "payload", "value"); a caller
# knows only the source and the field.
VIEW_PARAMETERS = frozenset({"payload", "filters", "ninja_pagination"})


def _field_errors(errors) -> list[dict]:
    found = []
    for error in errors:
        parts = [str(part) for part in error.get("loc", ())]
        if len(parts) > 2 and parts[1] in VIEW_PARAMETERS:
            del parts[1]
        location = ".".join(parts)
        kind = error.get("type", "")
        known = PYDANTIC_MESSAGES.get(kind)
        found.append(
            {
                "field": location,
                "message": str(known) if known else _("ค่าไม่ถูกต้อง"),
                "type": kind,
            }
        )
    return found


def _messages_by_field(exc: DjangoValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return exc.message_dict
    return {"__all__": exc.messages}


def install(api) -> None:
    """Replace ninja's default handlers (English text, HTML tracebacks) with JSON ones."""

    @api.exception_handler(ApiError)
    def _api_error(request, exc):
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, exc.code, exc.message, exc.errors, headers)

    @api.exception_handler(AuthenticationError)
    def _unauthenticated(request, exc):
        error = not_authenticated()
        return error_response(
            401, error.code, error.message, headers={"WWW-Authenticate": "Bearer"}
        )

    @api.exception_handler(Http404)
    def _not_found(request, exc):
        return not_found()

    @api.exception_handler(PermissionDenied)
    def _forbidden(request, exc):
        return error_response(403, "forbidden", _("ท่านไม่มีบทบาทที่ทำสิ่งนี้ได้ในหน่วยงานนี้"))

    @api.exception_handler(Throttled)
    def _throttled(request, exc):
        wait = math.ceil(getattr(request, "api_retry_after", 60))
        message = _("เรียกใช้บ่อยเกินกำหนด กรุณารอ %(seconds)s วินาทีแล้วลองใหม่") % {"seconds": wait}
        return error_response(429, "rate_limited", message, headers={"Retry-After": str(wait)})

    @api.exception_handler(NinjaValidationError)
    def _invalid(request, exc):
        message = _("ข้อมูลที่ส่งมาไม่ถูกต้อง กรุณาตรวจสอบรายการใน errors")
        return error_response(422, "validation_error", message, _field_errors(exc.errors))

    @api.exception_handler(DjangoValidationError)
    def _rule_broken(request, exc):
        errors = [
            {"field": f"body.{field}", "message": str(message), "type": "rule"}
            for field, messages in _messages_by_field(exc).items()
            for message in messages
        ]
        message = errors[0]["message"] if len(errors) == 1 else _("ข้อมูลไม่ผ่านการตรวจสอบ")
        return error_response(422, "validation_error", message, errors)

    @api.exception_handler(WorkflowError)
    def _refused(request, exc):
        return error_response(409, "workflow_refused", exc.message)

    @api.exception_handler(HttpError)
    def _http_error(request, exc):
        if exc.status_code == 400:  # ninja could not read the body as JSON
            message = _("อ่านข้อมูลที่ส่งมาไม่ได้ ต้องเป็น JSON ที่ถูกต้อง (Content-Type: application/json)")
            return error_response(400, "invalid_body", message)
        return error_response(exc.status_code, "http_error", _("คำขอไม่ถูกต้อง"))

    @api.exception_handler(Exception)
    def _server_error(request, exc):
        logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
        message = _("ระบบขัดข้อง กรุณาลองใหม่ภายหลัง หากยังพบปัญหาโปรดแจ้งกลุ่มพัฒนาระบบบริหาร")
        return error_response(500, "server_error", message)

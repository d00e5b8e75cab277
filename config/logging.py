"""The server's log: one line per record on standard error, as text for a person at a terminal
or as JSON for a log collector (journald, Loki, Elasticsearch), each line with the request id.

The request id is django-guid's: taken from nginx's ``X-Request-ID`` (``$request_id``) when it
is a valid id, else made here, and returned in the response's ``X-Request-ID``, so one id
follows a request through nginx's log, ours and the page a person reports. Outside a request
(the task worker, commands) it is null.
"""

import logging

TEXT = "{asctime} {levelname} [{request_id}] {name}: {message}"


class TextFormatter(logging.Formatter):
    """For a terminal: "-" where a line has no request (JSON says null)."""

    def format(self, record):
        if getattr(record, "request_id", None) is None:
            record.request_id = "-"
        return super().format(record)


def logging_config(*, fmt: str, level: str, requests: bool) -> dict:
    """``fmt`` "json" or "text"; ``requests`` logs one line per request (pmqa4.request)."""
    if fmt not in ("json", "text"):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {fmt!r}")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {
                "()": "django_guid.log_filters.CorrelationId",
                "correlation_id_field": "request_id",
            }
        },
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": ["levelname", "name", "message", "request_id"],
                "rename_fields": {"levelname": "level", "name": "logger"},
                "timestamp": "time",  # ISO 8601 in UTC
            },
            "text": {"()": "config.logging.TextFormatter", "format": TEXT, "style": "{"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": fmt,
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # WeasyPrint and fontTools narrate every document they make at INFO.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
            # runserver logs each request itself; gunicorn's access log is off (deploy/).
            "pmqa4.request": {"level": "INFO" if requests else "WARNING"},
            "django_guid": {"level": "WARNING"},
        },
    }

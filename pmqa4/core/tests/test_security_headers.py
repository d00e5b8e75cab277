"""The security headers of real pages, pinned (ASVS 5.0 V3.4): a change to any of them has to
change this file too. The browser check that the pages still work under this policy is in
test_csp_browser.py."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

# Every directive and its sources; django-csp writes the directives in no fixed order, so the
# header is compared as this mapping, exactly (nothing more, nothing less).
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
NO_STORE = "max-age=0, no-cache, no-store, must-revalidate, private"
SECURITY = {*HEADERS, "Content-Security-Policy", "Strict-Transport-Security", "Cache-Control"}


def policy(response) -> dict[str, list[str]]:
    directives = [part.split() for part in response["Content-Security-Policy"].split(";")]
    parsed = {words[0]: words[1:] for words in directives if words}
    assert len(parsed) == len([d for d in directives if d]), "a directive is repeated"
    return parsed


def security_headers(response) -> dict[str, str]:
    return {name: value for name, value in response.headers.items() if name in SECURITY}


def test_the_login_page_has_exactly_these_headers(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert policy(response) == POLICY
    assert "Content-Security-Policy-Report-Only" not in response
    assert security_headers(response) == {
        **HEADERS,
        "Content-Security-Policy": response["Content-Security-Policy"],
        "Cache-Control": NO_STORE,
    }


def test_a_signed_in_unit_page_has_exactly_these_headers_and_is_never_cached(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    response = client.get(reverse("org:unit-home", args=["OPS-AAA"]))
    assert response.status_code == 200
    assert "กองทดสอบเอ" in response.content.decode()
    assert policy(response) == POLICY
    assert security_headers(response) == {
        **HEADERS,
        "Content-Security-Policy": response["Content-Security-Policy"],
        "Cache-Control": NO_STORE,
    }
    assert response["Expires"]  # already past: a proxy that ignores Cache-Control drops it too


def test_a_public_page_for_an_anonymous_visitor_is_not_marked_private(client, cycle):
    response = client.get(reverse("cycles:current"))
    assert response.status_code == 200
    assert policy(response) == POLICY
    assert "Cache-Control" not in response


def test_an_error_page_has_the_same_policy(client, cast):
    client.force_login(cast.coordinator_a)
    response = client.get(reverse("org:unit-home", args=["OPS-BBB"]))
    assert response.status_code == 404
    assert policy(response) == POLICY
    assert response["X-Frame-Options"] == "DENY"


def test_no_page_allows_inline_scripts_or_styles_or_eval(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    response = client.get(reverse("org:unit-home", args=["OPS-AAA"]))
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header
    content = response.content.decode()
    assert "<script>" not in content and "<style" not in content and ' style="' not in content
    assert '"includeIndicatorStyles": false' in content  # htmx adds no <style> of its own


def test_https_in_production_adds_hsts_for_a_year_with_subdomains(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get(reverse("login"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "Strict-Transport-Security" not in client.get(reverse("login"))  # only over HTTPS

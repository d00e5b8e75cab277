"""The OpenAPI 3 document and the browsable docs page (Swagger UI from our own static files)."""

import re

import pytest
import schemathesis
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

OPERATIONS = {
    ("get", "/api/v1/me"),
    ("get", "/api/v1/units"),
    ("get", "/api/v1/units/{code}"),
    ("get", "/api/v1/cycles"),
    ("get", "/api/v1/cycles/{year}"),
    ("get", "/api/v1/cycles/{year}/step-status"),
    ("get", "/api/v1/units/{code}/cycles/{year}/steps"),
    ("get", "/api/v1/units/{code}/cycles/{year}/plan-items"),
    ("get", "/api/v1/units/{code}/cycles/{year}/activities"),
    ("get", "/api/v1/units/{code}/cycles/{year}/kpis"),
    ("get", "/api/v1/units/{code}/cycles/{year}/kpis/{kpi_code}"),
    ("post", "/api/v1/units/{code}/cycles/{year}/kpis/{kpi_code}/actuals"),
    ("get", "/api/v1/scores"),
    ("get", "/api/v1/scores/{score_id}"),
}


def test_the_document_is_valid_openapi_3_with_every_operation(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    schemathesis.openapi.from_dict(document).validate()  # against the OpenAPI meta-schema
    found = {(method, path) for path, item in document["paths"].items() for method in item}
    assert found == OPERATIONS
    scheme = document["components"]["securitySchemes"]["TokenAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert operation["security"] == [{"TokenAuth": []}], path
            assert {"401", "422", "429"} <= set(operation["responses"]), (method, path)
            assert operation["summary"], (method, path)  # Thai, shown on the docs page
    post = document["paths"]["/api/v1/units/{code}/cycles/{year}/kpis/{kpi_code}/actuals"]["post"]
    assert {"201", "403", "404", "409"} <= set(post["responses"])


def test_the_docs_page_loads_swagger_ui_from_our_static_files_without_inline_script(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    page = response.content.decode()
    assert "default-src 'self'" in response["Content-Security-Policy"]
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    sources = [
        re.search(r'src="([^"]+)"', attrs).group(1) for attrs, _ in scripts if "src=" in attrs
    ]
    assert sources == ["/static/ninja/swagger-ui-bundle.js", "/static/ninja/swagger-ui-init.js"]
    inline = [(attrs, body) for attrs, body in scripts if "src=" not in attrs]
    # the only one without a source is data, which a browser never runs
    assert [attrs.strip() for attrs, _ in inline] == [
        'type="application/json" id="swagger-settings"'
    ]
    assert '"url": "/api/v1/openapi.json"' in inline[0][1]
    assert "cdn" not in page.lower() and "https://" not in page
    for name in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui-init.js", "ninja/swagger-ui.css"):
        assert finders.find(name), name  # collected by collectstatic with our own files

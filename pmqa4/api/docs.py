"""The browsable API page: Swagger UI from ninja's own static files (never a CDN).

Our template has no inline script, so it works under the Content-Security-Policy: the settings
travel in a JSON block that ninja's swagger-ui-init.js reads, the bundle and that file come from
our static files.
"""

from ninja.openapi.docs import Swagger


class LocalSwagger(Swagger):
    template = "api/docs.html"
    default_settings = {
        "layout": "BaseLayout",
        "deepLinking": True,
        "persistAuthorization": False,
        "tryItOutEnabled": False,
        "displayRequestDuration": True,
    }

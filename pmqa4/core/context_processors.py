from django.conf import settings


def site(request):
    """What every page's frame needs: the product name and whether this is a development server."""
    return {"SITE_NAME": "PMQA 4.0", "DEBUG_BANNER": settings.DEBUG}

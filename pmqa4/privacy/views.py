import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .my_data import my_data


@require_GET
def notice(request):
    """The privacy notice (PDPA section 23): what is kept, why, how long, who sees it, rights."""
    return render(
        request,
        "privacy/notice.html",
        {
            "retention_years": settings.PERSONAL_DATA_RETENTION_YEARS,
            "access_log_days": settings.ACCESS_LOG_RETENTION_DAYS,
            "contact_name": settings.PRIVACY_CONTACT_NAME,
            "contact_email": settings.PRIVACY_CONTACT_EMAIL,
            "contact_phone": settings.PRIVACY_CONTACT_PHONE,
        },
    )


@require_GET
@login_required
def my_data_page(request):
    """What the download holds, and the button."""
    return render(
        request,
        "privacy/my_data.html",
        {"contact_email": settings.PRIVACY_CONTACT_EMAIL},
    )


@require_GET
@never_cache
@login_required
def my_data_download(request):
    """The signed-in person's own data as a JSON file; never anyone else's."""
    body = json.dumps(my_data(request.user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="pmqa4-my-data-{request.user.pk}-{stamp}.json"'
    )
    return response

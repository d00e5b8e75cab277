"""โทเค็นการเข้าถึง API: a person's own tokens. Every page is about the signed-in person only,
so there is no unit to check; another person's token is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pmqa4.core.errors import WorkflowError

from . import tokens
from .forms import TokenForm
from .models import ApiToken, ApiTokenUse

RECENT_USES = 20


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def token_list(request):
    """The list, the form for a new one; after creating, the token itself, shown this once."""
    now = timezone.now()
    issued = None
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issued = tokens.issue(
                user=request.user,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                expires_at=form.expires_at(now),
                now=now,
            )
        except WorkflowError as error:
            form.add_error(None, error.message)
        else:
            form = TokenForm()
    own = list(ApiToken.objects.filter(user=request.user))
    context = {
        "form": form,
        "issued": issued,
        "rows": [(token, token.state(now)) for token in own],
        "uses": ApiTokenUse.objects.filter(token__user=request.user).select_related("token")[
            :RECENT_USES
        ],
        "docs_url": reverse("api-1:openapi-view"),
    }
    status = 400 if request.method == "POST" and issued is None else 200
    return render(request, "api/tokens.html", context, status=status)


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if tokens.revoke(token, now=timezone.now()):
        messages.success(
            request, _("ยกเลิกโทเค็น “%(name)s” แล้ว ใช้เรียก API ไม่ได้อีก") % {"name": token.name}
        )
    else:
        messages.info(request, _("โทเค็นนี้ถูกยกเลิกไปแล้ว"))
    return redirect("api-tokens:list")

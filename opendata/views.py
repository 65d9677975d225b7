"""The open-data page and downloads (public), and the page where reviewers and administrators
make and revoke their API tokens."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opendata import formats
from opendata.forms import ApiTokenForm
from opendata.models import ApiToken
from opendata.selectors import (
    COLUMNS,
    column_descriptions,
    cycles_with_open_data,
    published_answers,
    published_cycle,
)
from opendata.services import api_token_create, api_token_revoke
from portal.access import role_required
from portal.multilingual import LANGUAGE_CODES, language_code
from portal.roles import SECRETARIAT_ROLES

KINDS = {"csv": formats.CSV, "xlsx": formats.XLSX, "json": formats.JSON}


def index(request):
    """The cycles whose published replies can be downloaded, in which languages and formats,
    under which licence, and how to cite them."""
    language = language_code()
    page = request.build_absolute_uri(reverse("opendata:index"))
    cycles = cycles_with_open_data(language=language)
    citations = {
        c.cycle.pk: formats.citation(title=c.title, cycle=c.cycle, language=language, url=page)
        for c in cycles
    }
    return render(
        request,
        "opendata/index.html",
        {
            "cycles": [(c, citations[c.cycle.pk]) for c in cycles],
            "licence": formats.licence(),
            "columns": [(c, column_descriptions()[c]) for c in COLUMNS],
            "languages": LANGUAGE_CODES,
            "language": language,
        },
    )


def cycle_download(request, pk, kind):
    if kind not in KINDS:
        raise Http404("No such format.")
    language = request.GET.get("language") or language_code()
    if language not in LANGUAGE_CODES:
        raise Http404("No such language.")
    data = published_answers(cycle=published_cycle(pk=pk), language=language)
    page = request.build_absolute_uri(reverse("opendata:index"))
    if kind == "csv":
        body = formats.as_csv(data)
    elif kind == "xlsx":
        body = formats.as_xlsx(data, url=page)
    else:
        body = formats.as_json(data, url=page)
    response = HttpResponse(body, content_type=KINDS[kind])
    response["Content-Disposition"] = f'attachment; filename="{formats.filename(data, kind)}"'
    licence = formats.licence()["url"]
    response["Link"] = f'<{licence}>; rel="license", <{page}>; rel="describedby"'
    # Public data, the same for everyone: caches may keep it for a while.
    response["Cache-Control"] = "public, max-age=300"
    return response


@role_required(*SECRETARIAT_ROLES)
def api_tokens(request):
    """The signed-in reviewer's or administrator's tokens; a new one is shown once, here."""
    made = None
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        row, made = api_token_create(
            by=request.user,
            name=form.cleaned_data["name"],
            scopes=form.cleaned_data["scopes"],
            days=form.cleaned_data["days"],
        )
        form = ApiTokenForm()
    tokens = ApiToken.objects.filter(user=request.user)
    return render(
        request,
        "opendata/api_tokens.html",
        {"form": form, "tokens": tokens, "made": made},
        status=400 if request.method == "POST" and made is None else 200,
    )


@role_required(*SECRETARIAT_ROLES)
@require_POST
def api_token_revoke_view(request, pk):
    token = get_object_or_404(ApiToken, pk=pk)
    if token.user_id != request.user.pk and not request.user.is_administrator:
        raise PermissionDenied
    api_token_revoke(token=token, by=request.user)
    messages.success(
        request, _("The token %(prefix)s… has been revoked.") % {"prefix": token.prefix}
    )
    return redirect("opendata:api_tokens")

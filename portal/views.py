from django.apps import apps
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from portal.access import get_respondent_for_user, role_required
from portal.forms import RespondentFilterForm
from portal.models import RegionalGroup
from portal.multilingual import language_code, sort_key
from portal.roles import SECRETARIAT_ROLES
from portal.selectors import (
    respondent_contact_persons,
    respondent_list,
    respondents_by_regional_group,
)


def home(request):
    context = {}
    user = request.user
    if user.is_authenticated and user.is_secretariat:
        groups = {row["regional_group"]: row["count"] for row in respondents_by_regional_group()}
        context["regional_groups"] = [
            (group.label, groups.get(group.value, 0)) for group in RegionalGroup
        ]
        context["member_state_count"] = sum(groups.values())
    # The apps above portal add what they show on the home page (AppConfig.home_context): the
    # catalogue's counts for everyone, the work in hand for the Secretariat.
    for config in apps.get_app_configs():
        if hasattr(config, "home_context"):
            context.update(config.home_context(user))
    return render(request, "portal/home.html", context)


@role_required(*SECRETARIAT_ROLES)
def respondent_index(request):
    form = RespondentFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    respondents = respondent_list(
        search=(filters.get("q") or "").strip(),
        regional_group=filters.get("regional_group") or "",
        type_code=filters["type"].code if filters.get("type") else "",
    )
    language = language_code()
    # Sorted by the name in the reader's language, as a UN document lists States.
    rows = sorted(respondents, key=lambda r: sort_key(r.list_name(language), language))
    return render(
        request,
        "portal/respondent_index.html",
        {"form": form, "respondents": rows, "language": language},
    )


@login_required
def respondent_detail(request, code):
    respondent = get_respondent_for_user(request, code)
    return render(
        request,
        "portal/respondent_detail.html",
        {
            "respondent": respondent,
            "contact_persons": respondent_contact_persons(respondent=respondent),
        },
    )


@require_POST
def set_language(request):
    """Switch the interface language, and remember it as a signed-in user's preference."""
    response = django_set_language(request)
    chosen = request.POST.get("language")
    user = request.user
    if (
        user.is_authenticated
        and chosen in dict(settings.LANGUAGES)
        and user.preferred_language != chosen
    ):
        user.preferred_language = chosen
        user.save(update_fields=["preferred_language"])
    return response


def healthz(request):
    """For load balancers and container health checks: is the database reachable?"""
    try:
        connection.ensure_connection()
    except DatabaseError:
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})

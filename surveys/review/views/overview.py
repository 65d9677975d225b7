"""A cycle's overview for the Secretariat: how many invited respondents reached each stage, by
regional group and by type of respondent, each number linked to the list behind it; the list
filtered by status, regional group, type, and a search by name in any language."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.development import GROUPS
from portal.models import RegionalGroup, RespondentType
from portal.multilingual import by_name, shown
from surveys.access import get_cycle_for_secretariat
from surveys.models import ReplyStatus
from surveys.review.comparison import cycle_then_now
from surveys.review.selectors import (
    NO_REGIONAL_GROUP,
    STAGE_LABELS,
    STAGES,
    cycle_counts,
    cycle_respondents,
    status_filters,
)

# A reply at one of these stages has something for a reviewer to read.
REVIEWABLE = STAGES["received"]
# Respondents listed per page: the page stays small whatever the number invited (193 States and
# more); the counts above the list always cover them all.
OVERVIEW_PER_PAGE = 50


def _link(cycle_pk: int, **filters) -> str:
    query = urlencode({k: v for k, v in filters.items() if v})
    url = reverse("surveys:cycle_overview", args=[cycle_pk])
    return f"{url}?{query}#respondents" if query else f"{url}#respondents"


def _cells(cycle_pk: int, row, param: str) -> list[dict]:
    """The row's numbers, each with the link to its list."""
    return [
        {
            "stage": stage,
            "count": row.counts[stage],
            "url": _link(cycle_pk, status="" if stage == "invited" else stage, **{param: row.key}),
        }
        for stage in STAGES
    ]


@login_required
@require_GET
def cycle_overview(request, pk):
    cycle = get_cycle_for_secretariat(request, pk)
    types = list(RespondentType.objects.all())
    filters = status_filters()
    wanted = {
        "status": request.GET.get("status", ""),
        "region": request.GET.get("region", ""),
        "type": request.GET.get("type", ""),
        "group": request.GET.get("group", ""),
        "q": request.GET.get("q", "").strip()[:100],
    }
    if wanted["status"] not in filters:
        wanted["status"] = ""
    if wanted["region"] not in {*RegionalGroup.values, NO_REGIONAL_GROUP}:
        wanted["region"] = ""
    if wanted["type"] not in {t.code for t in types}:
        wanted["type"] = ""
    if wanted["group"] not in GROUPS:
        wanted["group"] = ""
    counts = cycle_counts(cycle=cycle)
    invitations = by_name(
        cycle_respondents(
            cycle=cycle, status=wanted["status"], region=wanted["region"],
            type_code=wanted["type"], search=wanted["q"],
            group=wanted["group"],
        ),
        lambda invitation: invitation.respondent,
    )  # fmt: skip
    page = Paginator(invitations, OVERVIEW_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    for invitation in page.object_list:
        invitation.status = ReplyStatus(invitation.reply_status)
        invitation.reviewable = invitation.reply_pk and invitation.reply_status in REVIEWABLE
    version = cycle.version
    cycle.shown_title = shown(version.title, version.original_language)
    stage_options = [(key, STAGE_LABELS[key]) for key in ("started", "received", "awaiting_review")]
    return render(
        request,
        "surveys/review/cycle_overview.html",
        {
            "cycle": cycle,
            "stages": [(key, STAGE_LABELS[key]) for key in STAGES],
            "by_region": [
                {"row": row, "cells": _cells(cycle.pk, row, "region")} for row in counts.by_region
            ],
            "by_type": [
                {"row": row, "cells": _cells(cycle.pk, row, "type")} for row in counts.by_type
            ],
            "by_group": [
                {"row": row, "cells": _cells(cycle.pk, row, "group")} for row in counts.by_group
            ],
            "total": {"row": counts.total, "cells": _cells(cycle.pk, counts.total, "region")},
            "then_now": cycle_then_now(cycle=cycle, counts=counts.total.counts),
            "invitations": page.object_list,
            "page": page,
            "page_query": query.urlencode(),
            "wanted": wanted,
            "filtered": any(wanted.values()),
            "stage_options": stage_options,
            "status_options": ReplyStatus.choices,
            "region_options": [
                *RegionalGroup.choices,
                (NO_REGIONAL_GROUP, _("No regional group")),
            ],
            "type_options": [(t.code, str(t)) for t in types],
            "group_options": list(GROUPS.items()),
        },
    )

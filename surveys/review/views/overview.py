"""A cycle's overview for the Secretariat: how many invited respondents reached each stage, by
regional group and by type of respondent, each number linked to the list behind it; the list
filtered by status, regional group, type, and a search by name in any language."""

from functools import lru_cache
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
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
    CycleCounts,
    cycle_counts,
    cycle_respondents,
    status_filters,
)
from surveys.review.views._common import url_for_each, with_values

# A reply at one of these stages has something for a reviewer to read.
REVIEWABLE = STAGES["received"]
MEMBER_STATE = RespondentType.MEMBER_STATE
# Respondents listed per page: the page stays small whatever the number invited (193 States and
# more); the counts above the list always cover them all.
OVERVIEW_PER_PAGE = 50


def _cells(url: str, key: str, counts: tuple[int, ...], param: str) -> list[dict]:
    """A row's numbers, each with the link to its list (`url`: the overview's)."""
    cells = []
    for stage, count in zip(STAGES, counts, strict=True):
        filters = {"status": "" if stage == "invited" else stage, param: key}
        query = urlencode({k: v for k, v in filters.items() if v})
        link = f"{url}?{query}#respondents" if query else f"{url}#respondents"
        cells.append({"stage": stage, "count": count, "url": link})
    return cells


def _count_tables(cycle_pk: int, counts: CycleCounts) -> str:
    """The three tables of counts, with their links to the lists behind them."""
    rows = tuple(
        tuple((row.key, str(row.label), tuple(row.counts[s] for s in STAGES)) for row in table)
        for table in (counts.by_region, counts.by_type, counts.by_group, [counts.total])
    )
    return _drawn_count_tables(get_language(), cycle_pk, rows)


@lru_cache(maxsize=128)
def _drawn_count_tables(language: str, cycle_pk: int, rows: tuple) -> str:
    # What the tables show is all in the key (the language they are written in, the cycle and
    # every number and label): counts that change make another entry, never a stale table.
    url = reverse("surveys:cycle_overview", args=[cycle_pk])
    by_region, by_type, by_group, (total,) = (
        [
            {"key": key, "label": label, "cells": _cells(url, key, counts, param)}
            for key, label, counts in table
        ]
        for table, param in zip(rows, ("region", "type", "group", "region"), strict=True)
    )
    return render_to_string(
        "surveys/review/_count_tables.html",
        {
            "cycle_pk": cycle_pk,
            "stages": [(key, STAGE_LABELS[key]) for key in STAGES],
            "by_region": by_region,
            "by_type": by_type,
            "by_group": by_group,
            "total": total,
        },
    )


def _listed(invitations) -> list[dict]:
    """The page's respondents, as the list shows them (plain values: the template only prints)."""
    review_url = url_for_each("surveys:reply_review")
    read_url = url_for_each("surveys:reply_detail")
    listed = []
    badges: dict[str, str] = {}  # each status's badge, drawn once per page
    for invitation in invitations:
        respondent = invitation.respondent
        status = ReplyStatus(invitation.reply_status)
        reply_pk = invitation.reply_pk
        if status not in badges:
            badges[status] = render_to_string(
                "surveys/cycles/_reply_status.html", {"status": status, "label": status.label}
            )
        reviewable = reply_pk and status in REVIEWABLE
        listed.append(
            {
                "code": respondent.code,
                "name": str(respondent),
                "type": "" if respondent.type.code == MEMBER_STATE else str(respondent.type),
                "region": respondent.get_regional_group_display(),
                "status_badge": badges[status],
                "submitted_at": invitation.reply_submitted_at,
                "review_url": review_url(reply_pk) if reviewable else "",
                "read_url": read_url(reply_pk) if reply_pk and not reviewable else "",
                # What the link says to a screen reader (as {% blocktranslate %} would put it).
                "the_reply": with_values(
                    _("the reply %(respondent_of)s"), respondent_of=respondent.of_name()
                ),
            }
        )
    return listed


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
    counts = cycle_counts(cycle=cycle, types=types)
    invitations = by_name(
        cycle_respondents(
            cycle=cycle, status=wanted["status"], region=wanted["region"],
            type_code=wanted["type"], search=wanted["q"],
            group=wanted["group"], types=types,
        ),
        lambda invitation: invitation.respondent,
    )  # fmt: skip
    page = Paginator(invitations, OVERVIEW_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    version = cycle.version
    cycle.shown_title = shown(version.title, version.original_language)
    stage_options = [(key, STAGE_LABELS[key]) for key in ("started", "received", "awaiting_review")]
    return render(
        request,
        "surveys/review/cycle_overview.html",
        {
            "cycle": cycle,
            "count_tables": _count_tables(cycle.pk, counts),
            "then_now": cycle_then_now(cycle=cycle, counts=counts.total.counts),
            "invitations": _listed(page.object_list),
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

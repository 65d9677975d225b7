"""The Secretariat's cycle pages: the list of cycles, opening one, and one cycle's invitations
with the status of each reply and per-respondent deadline extensions."""

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from portal.access import require_administrator, require_secretariat
from portal.localformats import date_text
from portal.models import Respondent, RespondentType, User
from portal.multilingual import by_name, shown
from portal.roles import Role
from surveys.access import get_cycle_for_secretariat, get_invitation_for_administrator
from surveys.cycles.forms import CycleForm, ExtensionForm
from surveys.cycles.services import (
    SUBMITTED_STATUSES,
    CycleRefused,
    TextsMissing,
    cycle_extend_deadline,
    cycle_open,
)
from surveys.models import Cycle, CycleInvitation, Reply, ReplyStatus

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _count(queryset):
    """The number of rows of `queryset` (filtered on OuterRef("pk")) as a subquery: counting
    through two joins at once would multiply the rows."""
    counted = queryset.order_by().values("cycle").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _phase(cycle: Cycle, today) -> str:
    if cycle.opens_on > today:
        return "upcoming"
    return "open" if cycle.deadline >= today else "closed"


@login_required
def cycle_index(request):
    require_secretariat(request)
    today = timezone.localdate()
    replies = Reply.objects.filter(cycle=OuterRef("pk"))
    cycles = list(
        Cycle.objects.select_related("version__questionnaire")
        .annotate(
            invited_count=_count(CycleInvitation.objects.filter(cycle=OuterRef("pk"))),
            started_count=_count(replies.exclude(status=ReplyStatus.NOT_STARTED)),
            submitted_count=_count(replies.filter(status__in=SUBMITTED_STATUSES)),
        )
        .order_by("-opens_on", "pk")
    )
    for cycle in cycles:
        version = cycle.version
        cycle.shown_title = shown(version.title, version.original_language)
        cycle.phase = _phase(cycle, today)
    return render(request, "surveys/cycles/index.html", {"cycles": cycles})


def _cycle_form(data=None) -> CycleForm:
    respondents = list(
        Respondent.objects.filter(is_active=True).only("pk", "name", "type_id", "code")
    )
    return CycleForm(data, respondents=respondents, types=list(RespondentType.objects.all()))


@login_required
def cycle_create(request):
    require_administrator(request)
    form = _cycle_form(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cycle = cycle_open(
                version=data["version"],
                title=data["title"],
                opens_on=data["opens_on"],
                deadline=data["deadline"],
                commission_session=data["commission_session"],
                respondents=data["invited"],
                override_reason=data["override_reason"],
                by=request.user,
            )
        except TextsMissing as refusal:
            form.add_error(None, str(refusal))
            form.texts_missing = refusal.missing
        except CycleRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            count = len(data["invited"])
            messages.success(
                request,
                ngettext(
                    "The cycle is open: %(count)s respondent is invited.",
                    "The cycle is open: %(count)s respondents are invited.",
                    count,
                )
                % {"count": count},
            )
            return redirect("surveys:cycle_detail", pk=cycle.pk)
    return render(
        request,
        "surveys/cycles/create.html",
        {"form": form},
        status=422 if request.method == "POST" else 200,
    )


@dataclass
class _InvitationRow:
    """One line of the cycle page: the invitation (with `reply_pk`), the status of its reply, its
    number of contact persons, and, for a refused extension, the bound form."""

    invitation: CycleInvitation
    status: ReplyStatus
    contact_count: int
    overdue: bool = False
    extension_form: ExtensionForm | None = None


def _invitations(cycle: Cycle) -> list[_InvitationRow]:
    """The cycle's invitations with their respondent, reply (pk, status) and number of contact
    persons, in alphabetical order: three queries, whatever the number of respondents."""
    replies = Reply.objects.filter(cycle=OuterRef("cycle_id"), respondent=OuterRef("respondent_id"))
    invitations = list(
        cycle.invitations.select_related("respondent__type").annotate(
            reply_pk=Subquery(replies.values("pk")[:1]),
            reply_status=Subquery(replies.values("status")[:1]),
        )
    )
    contact_counts = dict(
        User.objects.filter(
            role=Role.CONTACT_PERSON,
            is_active=True,
            respondent__cycle_invitations__cycle=cycle,
        )
        .values("respondent_id")
        .annotate(n=Count("pk"))
        .values_list("respondent_id", "n")
    )
    rows = [
        _InvitationRow(
            invitation=invitation,
            status=ReplyStatus(invitation.reply_status or ReplyStatus.NOT_STARTED),
            contact_count=contact_counts.get(invitation.respondent_id, 0),
        )
        for invitation in invitations
    ]
    return by_name(rows, lambda row: row.invitation.respondent)


def _cycle_page(request, cycle: Cycle, *, failed=None, status=200):
    """The cycle page; `failed` is (invitation pk, bound ExtensionForm) of a refused extension."""
    today = timezone.localdate()
    rows = _invitations(cycle)
    counts: Counter[str] = Counter(row.status for row in rows)
    wanted = request.GET.get("status", "")
    if wanted not in ReplyStatus.values:
        wanted = ""
    for row in rows:
        row.overdue = row.invitation.deadline < today and row.status not in SUBMITTED_STATUSES
        if failed and failed[0] == row.invitation.pk:
            row.extension_form = failed[1]
    version = cycle.version
    filters: list[tuple[str, StrOrPromise, int]] = [("", _("All"), len(rows))] + [
        (value, label, counts[value]) for value, label in ReplyStatus.choices if counts[value]
    ]
    return render(
        request,
        "surveys/cycles/detail.html",
        {
            "cycle": cycle,
            "cycle_title": shown(version.title, version.original_language),
            "phase": _phase(cycle, today),
            "invitations": [row for row in rows if not wanted or row.status == wanted],
            "filters": filters,
            "wanted": wanted,
            "started_count": len(rows) - counts[ReplyStatus.NOT_STARTED],
            "submitted_count": sum(counts[s] for s in SUBMITTED_STATUSES),
            "invited_count": len(rows),
            "is_administrator": request.user.is_administrator,
            "today": today,
        },
        status=status,
    )


@login_required
def cycle_detail(request, pk):
    cycle = get_cycle_for_secretariat(request, pk)
    return _cycle_page(request, cycle)


@login_required
@require_POST
def cycle_extend(request, pk):
    invitation = get_invitation_for_administrator(request, pk)
    form = ExtensionForm(request.POST, auto_id=f"id_extend_{invitation.pk}_%s")
    if form.is_valid():
        try:
            invitation = cycle_extend_deadline(
                invitation=invitation,
                deadline=form.cleaned_data["deadline"],
                by=request.user,
                base_url=request.build_absolute_uri("/"),
            )
        except CycleRefused as refusal:
            form.add_error("deadline", str(refusal))
        else:
            messages.success(
                request,
                _("The deadline %(respondent_of)s is extended to %(date)s.")
                % {
                    "respondent_of": invitation.respondent.of_name(),
                    "date": date_text(invitation.extended_deadline),
                },
            )
            url = reverse("surveys:cycle_detail", args=[invitation.cycle_id])
            return redirect(f"{url}#invitation-{invitation.pk}")
    cycle = get_cycle_for_secretariat(request, invitation.cycle_id)
    return _cycle_page(request, cycle, failed=(invitation.pk, form), status=422)

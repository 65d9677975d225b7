"""Contact persons (annex, para. 11): invitation by e-mail, the welcome page where the invited
person chooses a password, and the dashboard of their respondent's questionnaires."""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from portal.access import role_required
from portal.invitations import (
    InvitationRefused,
    LinkState,
    contact_person_from_link,
    contact_person_invite,
    contact_person_welcome,
    invitation_tokens,
)
from portal.multilingual import shown
from portal.roles import Role
from portal.selectors import respondent_contact_persons
from surveys.access import get_respondent_for_inviting
from surveys.answering.selectors import SectionProgress, reply_progress
from surveys.cycles.forms import InviteForm
from surveys.cycles.services import SUBMITTED_STATUSES
from surveys.models import CycleInvitation, Reply, ReplyStatus
from surveys.questionnaires.selectors import version_with_content

if TYPE_CHECKING:
    from surveys.questionnaires.selectors import VersionWithContent

# --- Invitation ----------------------------------------------------------------------------------


def _next_url(request, default: str) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return default


@login_required
def contact_invite(request, code):
    respondent = get_respondent_for_inviting(request, code)
    user = request.user
    if user.is_administrator:
        default_next = reverse("respondent_detail", args=[respondent.code])
    else:
        default_next = reverse("surveys:contact_dashboard")
    next_url = _next_url(request, default_next)
    form = InviteForm(
        request.POST if request.method == "POST" else None,
        may_name_lead=user.is_administrator,
        initial={"language": user.preferred_language if user.is_contact_person else "en"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = contact_person_invite(
                respondent=respondent,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                language=data["language"],
                is_lead=data.get("is_lead", False),
                by=user,
                base_url=request.build_absolute_uri("/"),
            )
        except InvitationRefused as refusal:
            form.add_error("email", str(refusal))
        else:
            messages.success(
                request,
                _(
                    "An invitation has been e-mailed to %(email)s. Until the link in it is "
                    "used, inviting the same address again sends a new link."
                )
                % {"email": person.email},
            )
            return redirect(next_url)
    return render(
        request,
        "surveys/cycles/contact_invite.html",
        {
            "respondent": respondent,
            "form": form,
            "next_url": next_url,
            "contact_persons": respondent_contact_persons(respondent=respondent),
        },
        status=422 if request.method == "POST" else 200,
    )


# --- Welcome: the invited person chooses a password -------------------------------------------

# As Django's password reset does, the token leaves the address bar (and so the Referer header)
# at once: it moves to the session and the page is shown at this URL instead.
SESSION_TOKEN = "_contact_welcome_token"  # noqa: S105 - a session key, not a secret
TOKEN_IN_SESSION = "set-password"  # noqa: S105 - a URL placeholder


def _link_refused(request, state: LinkState):
    return render(request, "surveys/cycles/contact_welcome.html", {"state": state.value})


def contact_welcome(request, uidb64, token):
    person = contact_person_from_link(uidb64=uidb64)
    if token != TOKEN_IN_SESSION:
        state = invitation_tokens.link_state(person, token) if person else LinkState.USED
        if state is not LinkState.VALID:
            return _link_refused(request, state)
        request.session[SESSION_TOKEN] = token
        return redirect("surveys:contact_welcome", uidb64=uidb64, token=TOKEN_IN_SESSION)
    token = request.session.get(SESSION_TOKEN, "")
    state = invitation_tokens.link_state(person, token) if person else LinkState.USED
    if state is not LinkState.VALID:
        return _link_refused(request, state)
    form = SetPasswordForm(person, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            person = contact_person_welcome(
                person=person, token=token, password=form.cleaned_data["new_password1"]
            )
        except InvitationRefused:
            return _link_refused(request, invitation_tokens.link_state(person, token))
        request.session.pop(SESSION_TOKEN, None)
        login(request, person)
        messages.success(
            request,
            _("Welcome. Your password is set; you log in with the user name %(username)s.")
            % {"username": person.username},
        )
        return redirect("surveys:contact_dashboard")
    return render(
        request,
        "surveys/cycles/contact_welcome.html",
        {"state": "valid", "form": form, "person": person},
        status=422 if request.method == "POST" else 200,
    )


# --- The contact person's dashboard ------------------------------------------------------------


@dataclass
class _SectionLine:
    progress: SectionProgress
    shown_title: str


@dataclass
class _ReplyCard:
    """A reply as the dashboard shows it: its progress per section, its own deadline."""

    reply: Reply
    shown_title: str
    sections: list[_SectionLine]
    percent: int
    deadline: datetime.date
    extended: bool
    upcoming: bool
    overdue: bool
    days_left: int


def _card(
    reply: Reply,
    version: "VersionWithContent",
    invitation: CycleInvitation | None,
    today: datetime.date,
) -> _ReplyCard:
    fallback = version.original_language
    sections = reply_progress(reply=reply, version=version)
    shown_total = sum(section.shown for section in sections)
    answered_total = sum(section.answered for section in sections)
    cycle = reply.cycle
    extended_deadline = invitation.extended_deadline if invitation else None
    deadline = extended_deadline or cycle.deadline
    return _ReplyCard(
        reply=reply,
        shown_title=shown(version.title, fallback),
        sections=[_SectionLine(s, shown(s.title, fallback)) for s in sections],
        percent=round(100 * answered_total / shown_total) if shown_total else 0,
        deadline=deadline,
        extended=bool(extended_deadline),
        upcoming=cycle.opens_on > today,
        overdue=deadline < today and reply.is_answerable,
        days_left=(deadline - today).days,
    )


@role_required(Role.CONTACT_PERSON)
def contact_dashboard(request):
    """The respondent's questionnaires: status, deadline, progress per section. The number of
    queries grows with the number of cycles, never with the number of questions or answers."""
    respondent = request.user.respondent
    today = timezone.localdate()
    replies = list(
        Reply.objects.filter(respondent=respondent).select_related("cycle__version__questionnaire")
    )
    invitations = {i.cycle_id: i for i in CycleInvitation.objects.filter(respondent=respondent)}
    versions = {}
    cards = []
    for reply in replies:
        cycle = reply.cycle
        if cycle.version_id not in versions:
            versions[cycle.version_id] = version_with_content(pk=cycle.version_id)
        cards.append(_card(reply, versions[cycle.version_id], invitations.get(cycle.pk), today))
    to_answer = sorted(
        (c for c in cards if c.reply.status not in SUBMITTED_STATUSES),
        key=lambda c: (c.deadline, c.reply.pk),
    )
    submitted = sorted(
        (c for c in cards if c.reply.status in SUBMITTED_STATUSES),
        key=lambda c: (c.deadline, c.reply.pk),
        reverse=True,
    )
    return render(
        request,
        "surveys/cycles/dashboard.html",
        {
            "respondent": respondent,
            "to_answer": to_answer,
            "submitted": submitted,
            "contact_persons": respondent_contact_persons(respondent=respondent),
            "statuses": ReplyStatus,
        },
    )

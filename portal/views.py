from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from portal.access import get_respondent_for_inviting, get_respondent_for_user, role_required
from portal.forms import InviteForm, RespondentFilterForm
from portal.invitations import (
    InvitationRefused,
    LinkState,
    contact_person_from_link,
    contact_person_invite,
    contact_person_welcome,
    invitation_tokens,
)
from portal.models import RegionalGroup
from portal.multilingual import language_code, sort_key
from portal.roles import SECRETARIAT_ROLES
from portal.security.views import invitation_link_refused, invitation_throttled
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


def favicon(request):
    """/favicon.ico, which browsers ask for on every first page: the portal's icon (an SVG)."""
    return redirect(static("favicon.svg"))


def healthz(request):
    """For load balancers and container health checks: is the database reachable?"""
    try:
        connection.ensure_connection()
    except DatabaseError:
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


# --- Contact persons (annex, para. 11): invitation by e-mail ----------------------------------------------------------------------------------


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
            contact_person_invite(
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
                # The address as typed, whether or not it already had an account.
                % {"email": BaseUserManager.normalize_email(data["email"].strip())},
            )
            return redirect(next_url)
    return render(
        request,
        "portal/contact_invite.html",
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
    invitation_link_refused(request, state=state.value)
    return render(request, "portal/contact_welcome.html", {"state": state.value})


def contact_welcome(request, uidb64, token):
    if refusal := invitation_throttled(request):
        return refusal
    person = contact_person_from_link(uidb64=uidb64)
    if token != TOKEN_IN_SESSION:
        state = invitation_tokens.link_state(person, token) if person else LinkState.USED
        if state is not LinkState.VALID:
            return _link_refused(request, state)
        request.session[SESSION_TOKEN] = token
        return redirect("contact_welcome", uidb64=uidb64, token=TOKEN_IN_SESSION)
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
        # The password was just set by the person: log in without asking for it again.
        login(request, person, backend="portal.security.backends.UserWithRespondentBackend")
        messages.success(
            request,
            _("Welcome. Your password is set; you log in with the user name %(username)s.")
            % {"username": person.username},
        )
        return redirect("surveys:contact_dashboard")
    return render(
        request,
        "portal/contact_welcome.html",
        {"state": "valid", "form": form, "person": person},
        status=422 if request.method == "POST" else 200,
    )

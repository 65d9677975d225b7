import math

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.access import role_required
from portal.roles import Role
from portal.security.forms import SecurityEventFilterForm
from portal.security.models import EventKind
from portal.security.selectors import security_event_list
from portal.security.services import client_ip, security_event_record
from portal.security.throttling import (
    INVITATION_PER_IP,
    PASSWORD_RESET_PER_ADDRESS,
    PASSWORD_RESET_PER_IP,
    minutes_to_wait,
)

EVENTS_PER_PAGE = 50
TOO_MANY_REQUESTS = 429


def throttled(request, *, what: str, title: str, explanation: str, minutes: int):
    """The page a throttled or locked-out client gets: why, and how long to wait."""
    return render(
        request,
        "portal/security/throttled.html",
        {"what": what, "title": title, "explanation": explanation, "minutes": minutes},
        status=TOO_MANY_REQUESTS,
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE), for the portal's and the admin's
    log-in alike; the same words whether or not the account exists."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return throttled(
        request,
        what="login",
        title=_("Log-in paused after too many failed attempts"),
        explanation=_(
            "For your security, log-in with this user name, or from your connection, is paused "
            "after %(limit)s failed attempts. If you have forgotten your password, you can "
            "choose a new one; an administrator of the portal can also unlock your account."
        )
        % {"limit": settings.AXES_FAILURE_LIMIT},
        minutes=minutes,
    )


def invitation_throttled(request):
    """The throttled page if this client has opened too many unusable invitation links lately;
    None if it may go on."""
    minutes = minutes_to_wait(INVITATION_PER_IP, ip=client_ip(request))
    if not minutes:
        return None
    security_event_record(kind=EventKind.THROTTLED, request=request, detail={"what": "invitation"})
    return throttled(
        request,
        what="invitation",
        title=_("Too many invitation links that cannot be used"),
        explanation=_(
            "Several invitation links that cannot be used have just been opened from your "
            "connection. If your link does not work, ask whoever invited you for a new one."
        ),
        minutes=minutes,
    )


def invitation_link_refused(request, *, state: str) -> None:
    """Count a refused invitation link towards the throttle, and log it."""
    security_event_record(
        kind=EventKind.INVITATION_LINK_REFUSED, request=request, detail={"state": state}
    )


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, refused for a while after many requests for one address or from
    one client. Every request is logged, for known and unknown addresses alike."""

    def post(self, request, *args, **kwargs):
        address = request.POST.get("email", "").strip()
        minutes = max(
            minutes_to_wait(PASSWORD_RESET_PER_ADDRESS, username=address),
            minutes_to_wait(PASSWORD_RESET_PER_IP, ip=client_ip(request)),
        )
        if minutes:
            security_event_record(
                kind=EventKind.THROTTLED,
                request=request,
                username=address,
                detail={"what": "password_reset"},
            )
            return throttled(
                request,
                what="password_reset",
                title=_("Too many password reset requests"),
                explanation=_(
                    "Several password resets have just been asked for this address, or from "
                    "your connection. If an e-mail with a link has reached you, use it; "
                    "otherwise check the address and ask again later."
                ),
                minutes=minutes,
            )
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        security_event_record(
            kind=EventKind.PASSWORD_RESET_REQUESTED,
            request=self.request,
            username=form.cleaned_data["email"],
        )
        return super().form_valid(form)


@role_required(Role.ADMINISTRATOR)
def security_event_index(request):
    form = SecurityEventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    events = security_event_list(
        kind=filters.get("kind") or "",
        account=(filters.get("account") or "").strip(),
        since=filters.get("since"),
        until=filters.get("until"),
    )
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "portal/security/event_index.html",
        {
            "form": form,
            "page": page,
            "filter_query": query.urlencode(),
            "keep_days": settings.SECURITY_EVENTS_KEEP_DAYS,
        },
    )

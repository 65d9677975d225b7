import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import resolve_url
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import ngettext
from django_htmx.http import HttpResponseClientRedirect


class UserLanguageMiddleware:
    """A signed-in user who has not picked a language in this browser gets their preferred one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Every response tells the browser the portal uses no camera, microphone, location etc."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


# Session keys of StaffSessionMiddleware: when the session began and when it was last used.
SESSION_STARTED = "staff-session-started"
SESSION_SEEN = "staff-session-seen"
SEEN_EVERY = 60  # seconds: the session is written again at most once a minute, not every request


class StaffSessionMiddleware:
    """A staff session (reviewers and administrators read every State's replies) ends after
    STAFF_SESSION_IDLE_SECONDS without a request and STAFF_SESSION_MAX_SECONDS in all; contact
    persons and delegates keep the site's ordinary sessions."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and (user.is_secretariat or user.is_staff or user.is_superuser):
            ended = self._ended(request.session, user)
            if ended:
                return self._log_out(request, ended)
        return self.get_response(request)

    @staticmethod
    def _ended(session, user) -> str:
        """ "idle", "limit" or "" (goes on). The session is written at most once a minute, and not
        on the requests that follow the log-in, whose time `last_login` gives."""
        now = int(time.time())
        logged_in = int(user.last_login.timestamp()) if user.last_login else now
        started = session.get(SESSION_STARTED, logged_in)
        seen = session.get(SESSION_SEEN, logged_in)
        if now - seen > settings.STAFF_SESSION_IDLE_SECONDS:
            return "idle"
        if now - started > settings.STAFF_SESSION_MAX_SECONDS:
            return "limit"
        if now - seen >= SEEN_EVERY:
            session[SESSION_STARTED], session[SESSION_SEEN] = started, now
            # The cookie ends with the browser; the times above end the session itself, so that
            # the person is told why (an expired cookie would say nothing).
            session.set_expiry(0)
        return ""

    @staticmethod
    def _log_out(request, ended: str):
        logout(request)
        if ended == "idle":
            minutes = settings.STAFF_SESSION_IDLE_SECONDS // 60
            text = ngettext(
                "You were logged out after %(minutes)s minute without activity. Please log in again.",
                "You were logged out after %(minutes)s minutes without activity. Please log in again.",
                minutes,
            ) % {"minutes": minutes}
        else:
            hours = settings.STAFF_SESSION_MAX_SECONDS // 3600
            text = ngettext(
                "Your session ended after %(hours)s hour. Please log in again.",
                "Your session ended after %(hours)s hours. Please log in again.",
                hours,
            ) % {"hours": hours}
        messages.info(request, text)
        login_url = resolve_url(settings.LOGIN_URL)
        if request.headers.get("HX-Request") == "true":  # before django-htmx's middleware
            return HttpResponseClientRedirect(login_url)
        return redirect_to_login(request.get_full_path(), login_url)


class PrivateCacheMiddleware:
    """Nothing shown to a signed-in user is kept by a browser's or a proxy's cache: every
    authenticated response (pages, and the snapshot PDF, offline workbook, extract, attachments
    and report files that hold respondents' data) is `Cache-Control: private, no-store`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        # A file the view serves as public (a public report version) is the same for everyone.
        public = "public" in response.get("Cache-Control", "")
        if user is not None and user.is_authenticated and not public:
            patch_cache_control(response, private=True, no_store=True)
        return response

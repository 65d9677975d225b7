from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django_htmx.http import HttpResponseClientRedirect

from portal.twofactor.services import has_second_factor, is_staff_account

# What a signed-in person who has not passed the second factor may still open.
OPEN_BEFORE_SECOND_FACTOR = frozenset(
    {
        "twofactor_enrol",
        "twofactor_verify",
        "login",
        "logout",
        "set_language",
        "healthz",
        "admin:logout",
    }
)


class SecondFactorMiddleware:
    """A reviewer or administrator (or anyone who turned the second factor on) whose session has
    not passed it reaches no page but enrolment, verification, language and log-out: one who has
    an authenticator app is asked for a code, staff who have none are sent to set one up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified() or self._open(request):
            return self.get_response(request)
        enrolled = has_second_factor(user)
        if not enrolled and not is_staff_account(user):
            return self.get_response(request)
        target = reverse("twofactor_verify" if enrolled else "twofactor_enrol")
        if request.method == "GET" and request.headers.get("HX-Request") != "true":
            target += "?" + urlencode({"next": request.get_full_path()})
        if request.headers.get("HX-Request") == "true":  # before django-htmx's middleware
            return HttpResponseClientRedirect(target)
        return redirect(target)

    @staticmethod
    def _open(request) -> bool:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.view_name in OPEN_BEFORE_SECOND_FACTOR

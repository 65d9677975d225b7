from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from portal.security.views import throttled
from portal.twofactor.forms import EnrolmentForm, VerifyForm
from portal.twofactor.qr import qr_svg
from portal.twofactor.services import (
    Outcome,
    authenticator_replace,
    enrolment_confirm,
    enrolment_device,
    has_second_factor,
    is_staff_account,
    recovery_codes_renew,
    second_factor_turn_off,
    second_factor_verify,
    seconds_until,
    secret_text,
)

# The recovery codes just made, shown once by the next page and then forgotten.
NEW_CODES_KEY = "twofactor-new-recovery-codes"


def _next_url(request) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return ""


def _paused(request, minutes: int):
    return throttled(
        request,
        what="second_factor",
        title=_("Second-factor codes paused after too many wrong ones"),
        explanation=_(
            "For your security, codes for this account are not checked for a while after "
            "several wrong ones. If you have lost your phone, use a recovery code when the pause "
            "is over, or ask an administrator of the portal to reset your second factor."
        ),
        minutes=minutes,
    )


def _wait_message(seconds: int) -> str:
    return ngettext(
        "Wrong codes were typed just before. Wait %(seconds)s second, then type the code again.",
        "Wrong codes were typed just before. Wait %(seconds)s seconds, then type the code again.",
        seconds,
    ) % {"seconds": seconds}


@login_required
def account(request):
    """The person's second factor: whether it is on, and what they can do with it."""
    user = request.user
    return render(
        request,
        "portal/twofactor/account.html",
        {
            "enrolled": has_second_factor(user),
            "required": is_staff_account(user),
            "verified": user.is_verified(),
        },
    )


@login_required
def enrol(request):
    user = request.user
    if has_second_factor(user):
        return redirect("twofactor_account" if user.is_verified() else "twofactor_verify")
    device = enrolment_device(user=user)
    form = EnrolmentForm(request.POST or None)
    allowed, data = device.verify_is_allowed()
    if request.method == "POST" and form.is_valid() and not allowed:
        form.add_error("code", _wait_message(seconds_until(data["locked_until"])))
    elif request.method == "POST" and form.is_valid():
        codes = enrolment_confirm(
            request=request, user=user, device=device, code=form.cleaned_data["code"]
        )
        if codes is not None:
            request.session[NEW_CODES_KEY] = codes
            messages.success(request, _("Two-factor authentication is on for your account."))
            url = reverse("twofactor_recovery_codes")
            next_url = _next_url(request)
            return redirect(f"{url}?{urlencode({'next': next_url})}" if next_url else url)
        form.add_error(
            "code",
            _("This code is not the one the app shows now. Check the app and type the new code."),
        )
    return render(
        request,
        "portal/twofactor/enrol.html",
        {
            "form": form,
            "qr": qr_svg(device.config_url, label=_("QR code for your authenticator app")),
            "secret": secret_text(device),
            "required": is_staff_account(user),
            "next": _next_url(request),
        },
    )


@login_required
def verify(request):
    user = request.user
    if not has_second_factor(user):
        return redirect("twofactor_enrol")
    next_url = _next_url(request) or "home"
    if user.is_verified():
        return redirect(next_url)
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = second_factor_verify(request=request, user=user, code=form.cleaned_data["code"])
        if result.outcome == Outcome.VERIFIED:
            if result.recovery_codes_left is not None:
                messages.warning(
                    request,
                    ngettext(
                        "You used a recovery code; %(count)s is left. Make new ones on your two-factor page.",
                        "You used a recovery code; %(count)s are left. Make new ones on your two-factor page.",
                        result.recovery_codes_left,
                    )
                    % {"count": result.recovery_codes_left},
                )
            return redirect(next_url)
        if result.outcome == Outcome.PAUSED:
            return _paused(request, result.wait)
        if result.outcome == Outcome.WAIT:
            form.add_error("code", _wait_message(result.wait))
        else:
            form.add_error("code", _("This code is not right, or it has already been used."))
    return render(
        request, "portal/twofactor/verify.html", {"form": form, "next": _next_url(request)}
    )


@login_required
def recovery_codes(request):
    """GET: the codes just made, once. POST: replace the codes by new ones."""
    user = request.user
    if request.method == "POST":
        if not (has_second_factor(user) and user.is_verified()):
            raise PermissionDenied
        request.session[NEW_CODES_KEY] = recovery_codes_renew(user=user, record=True)
        messages.success(request, _("New recovery codes made; the old ones no longer work."))
        return redirect("twofactor_recovery_codes")
    codes = request.session.pop(NEW_CODES_KEY, None)
    return render(
        request,
        "portal/twofactor/recovery_codes.html",
        {"codes": codes, "next": _next_url(request)},
    )


@login_required
@require_POST
def replace(request):
    """Set up another authenticator app (a new phone): the old one stops working."""
    user = request.user
    if not (has_second_factor(user) and user.is_verified()):
        raise PermissionDenied
    authenticator_replace(user=user)
    return redirect("twofactor_enrol")


@login_required
@require_POST
def turn_off(request):
    user = request.user
    if is_staff_account(user) or not (has_second_factor(user) and user.is_verified()):
        raise PermissionDenied
    second_factor_turn_off(user=user)
    messages.success(request, _("Two-factor authentication is off for your account."))
    return redirect("twofactor_account")

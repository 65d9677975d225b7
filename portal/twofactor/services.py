"""Enrolling, verifying, renewing and resetting a second factor. A person's factor is one
confirmed authenticator-app device (django-otp's TOTPDevice) and one device holding the recovery
codes (StaticDevice, each code deleted when used)."""

import datetime
import enum
import math
import re
from base64 import b32encode
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.security.models import EventKind
from portal.security.services import security_event_record
from portal.security.throttling import Throttle, minutes_to_wait

APP_DEVICE_NAME = "authenticator app"
RECOVERY_DEVICE_NAME = "recovery codes"
# An authenticator app shows six digits; a recovery code is eight letters and digits.
APP_CODE = re.compile(r"^\d{6}$")


class Outcome(enum.Enum):
    VERIFIED = "verified"
    WRONG = "wrong"
    WAIT = "wait"  # django-otp's pause after a wrong code: seconds
    PAUSED = "paused"  # too many wrong codes lately: minutes


@dataclass(frozen=True)
class Verification:
    outcome: Outcome
    wait: int = 0  # seconds for WAIT, minutes for PAUSED
    recovery_codes_left: int | None = None  # when a recovery code was used


def is_staff_account(user: Any) -> bool:
    """Reviewers, administrators and admin-site accounts: a second factor is required."""
    return bool(user.is_secretariat or user.is_staff or user.is_superuser)


def has_second_factor(user: Any) -> bool:
    """Has the person a confirmed authenticator app? (User.second_factor_on, kept with it.)"""
    return bool(user.second_factor_on)


def _second_factor_on(user: Any, on: bool) -> None:
    get_user_model().objects.filter(pk=user.pk).update(second_factor_on=on)
    user.second_factor_on = on


def second_factor_required(user: Any) -> bool:
    """Must this signed-in person pass a second factor before any page?"""
    return is_staff_account(user) or has_second_factor(user)


def code_normalised(code: str) -> str:
    """What was typed, without the spaces and hyphens people add, in lower case."""
    return re.sub(r"[\s-]+", "", code or "").lower()


def _throttle() -> Throttle:
    return Throttle(
        EventKind.SECOND_FACTOR_FAILED,
        settings.SECOND_FACTOR_FAILURE_LIMIT,
        datetime.timedelta(minutes=settings.SECOND_FACTOR_COOLOFF_MINUTES),
    )


def verification_paused_minutes(user: Any) -> int:
    """0, or the minutes until this account may try a code again."""
    return minutes_to_wait(_throttle(), username=user.get_username())


def enrolment_device(*, user: Any) -> TOTPDevice:
    """The authenticator-app device being set up (not yet confirmed): the same one until it is
    confirmed, so that reloading the page keeps the secret the app was given."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret as an authenticator app takes it when typed: base 32, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def recovery_codes_renew(*, user: Any, record: bool = False) -> list[str]:
    """Replace the person's recovery codes by SECOND_FACTOR_RECOVERY_CODES new ones and return
    them: they are shown once and kept only by django-otp."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.SECOND_FACTOR_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    if record:
        security_event_record(kind=EventKind.RECOVERY_CODES_RENEWED, user=user)
    return codes


@transaction.atomic
def enrolment_confirm(
    *, request: HttpRequest, user: Any, device: TOTPDevice, code: str
) -> list[str] | None:
    """Confirm the app with a code it shows: it becomes the person's only app, this session is
    verified, and new recovery codes are returned. None if the code is wrong."""
    if device.user_id != user.pk or device.confirmed:
        raise PermissionDenied
    if not device.verify_token(code_normalised(code)):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    _second_factor_on(user, True)
    codes = recovery_codes_renew(user=user)
    otp_login(request, device)
    security_event_record(kind=EventKind.SECOND_FACTOR_ENROLLED, request=request, user=user)
    return codes


def _devices_for(user: Any, token: str) -> list:
    if APP_CODE.match(token):
        return list(TOTPDevice.objects.filter(user=user, confirmed=True))
    return list(StaticDevice.objects.filter(user=user, confirmed=True))


def seconds_until(moment: datetime.datetime) -> int:
    """Whole seconds from now until `moment`, at least one."""
    return max(1, math.ceil((moment - timezone.now()).total_seconds()))


def second_factor_verify(*, request: HttpRequest, user: Any, code: str) -> Verification:
    """Check a code from the app, or a recovery code (which then stops working); on success the
    session is verified. Wrong codes are logged and, past the limit, pause verification."""
    minutes = verification_paused_minutes(user)
    if minutes:
        security_event_record(
            kind=EventKind.THROTTLED, request=request, user=user, detail={"what": "second_factor"}
        )
        return Verification(Outcome.PAUSED, minutes)
    token = code_normalised(code)
    for device in _devices_for(user, token):
        allowed, data = device.verify_is_allowed()
        if not allowed:
            return Verification(Outcome.WAIT, seconds_until(data["locked_until"]))
        verified = verify_token(user, device.persistent_id, token)
        if verified is None:
            continue
        otp_login(request, verified)
        if isinstance(verified, StaticDevice):
            left = verified.token_set.count()
            security_event_record(
                kind=EventKind.RECOVERY_CODE_USED, request=request, user=user, detail={"left": left}
            )
            return Verification(Outcome.VERIFIED, recovery_codes_left=left)
        return Verification(Outcome.VERIFIED)
    security_event_record(kind=EventKind.SECOND_FACTOR_FAILED, request=request, user=user)
    minutes = verification_paused_minutes(user)
    if minutes:
        return Verification(Outcome.PAUSED, minutes)
    return Verification(Outcome.WRONG)


def _devices_delete(user: Any) -> int:
    count = 0
    for model in (TOTPDevice, StaticDevice):
        deleted, _ = model.objects.filter(user=user).delete()
        count += deleted
    return count


@transaction.atomic
def second_factor_reset(*, user: Any, by: Any) -> int:
    """An administrator removes a colleague's second factor (a lost phone and lost codes): the
    person's sessions lose their verification and a staff member enrols again at the next page.
    Only administrators may; only a superuser resets a superuser's. Returns the devices removed."""
    if not (by.is_superuser or by.is_administrator):
        raise PermissionDenied
    if user.is_superuser and not by.is_superuser:
        raise PermissionDenied
    count = _devices_delete(user)
    _second_factor_on(user, False)
    security_event_record(kind=EventKind.SECOND_FACTOR_RESET, user=user, detail={"devices": count})
    return count


@transaction.atomic
def second_factor_turn_off(*, user: Any) -> None:
    """A contact person or delegate turns the second factor off again; staff cannot."""
    if is_staff_account(user):
        raise PermissionDenied
    _devices_delete(user)
    _second_factor_on(user, False)
    security_event_record(kind=EventKind.SECOND_FACTOR_DISABLED, user=user)


@transaction.atomic
def authenticator_replace(*, user: Any) -> None:
    """Forget the current app so that another is set up (the recovery codes stay valid)."""
    TOTPDevice.objects.filter(user=user).delete()
    _second_factor_on(user, False)
    security_event_record(kind=EventKind.SECOND_FACTOR_DISABLED, user=user, detail={"replaced": 1})

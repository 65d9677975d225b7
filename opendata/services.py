"""Making, revoking and checking API tokens. Only reviewers and administrators hold tokens; every
creation, revocation, use and refusal goes to the security log (portal.security)."""

import datetime
import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone

from opendata.models import ApiToken, Scope
from portal.models import User
from portal.security.models import EventKind
from portal.security.services import security_event_record

TOKEN_START = "snp_"  # noqa: S105 - the start every token shares, not a secret
PREFIX_LENGTH = 12
MAX_DAYS = 365


def token_digest(token: str) -> str:
    """The SHA-256 of a token: enough for 256 random bits, which no one guesses."""
    return hashlib.sha256(token.encode()).hexdigest()


def api_token_create(
    *, by: User, name: str, scopes: Iterable[str], days: int
) -> tuple[ApiToken, str]:
    """A new token of `by` valid `days` days (1 to 365) for `scopes`: the row and the token,
    which is never shown again. Reviewers and administrators only (PermissionDenied)."""
    if not (by.is_authenticated and by.is_active and by.is_secretariat):
        raise PermissionDenied
    chosen = sorted(set(scopes))
    if not chosen or any(s not in Scope.values for s in chosen):
        raise ValueError("Unknown or no scope.")
    if not 1 <= days <= MAX_DAYS:
        raise ValueError("A token lasts from 1 to 365 days.")
    token = TOKEN_START + secrets.token_urlsafe(32)
    now = timezone.now()
    row = ApiToken.objects.create(
        user=by,
        name=name.strip()[:100],
        prefix=token[:PREFIX_LENGTH],
        digest=token_digest(token),
        scopes=chosen,
        created_at=now,
        expires_at=now + datetime.timedelta(days=days),
    )
    security_event_record(
        kind=EventKind.API_TOKEN_CREATED,
        user=by,
        detail={"token": row.prefix, "name": row.name, "scopes": chosen, "days": days},
    )
    return row, token


def api_token_revoke(*, token: ApiToken, by: User) -> ApiToken:
    """Revoke `token`: its holder, or an administrator, only (PermissionDenied)."""
    if not (by.is_authenticated and (by.pk == token.user_id or by.is_administrator)):
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at, token.revoked_by = timezone.now(), by
        token.save(update_fields=["revoked_at", "revoked_by"])
        security_event_record(
            kind=EventKind.API_TOKEN_REVOKED, user=token.user, detail={"token": token.prefix}
        )
    return token


@dataclass
class TokenRefused(Exception):
    """Why a token presented to the API is refused (its message is the API's answer)."""

    message: str
    token: ApiToken | None = None


def api_token_check(*, token: str, request: HttpRequest) -> ApiToken:
    """The usable token `token`, or TokenRefused (logged) if it is unknown, revoked, expired or
    held by someone who may no longer use the API."""
    row = (
        ApiToken.objects.select_related("user").filter(digest=token_digest(token)).first()
        if token.startswith(TOKEN_START)
        else None
    )
    if row is None:
        refused = TokenRefused("Unknown token.")
    elif row.revoked_at is not None:
        refused = TokenRefused("This token has been revoked.", row)
    elif row.is_expired:
        refused = TokenRefused("This token has expired.", row)
    elif not (row.user.is_active and row.user.is_secretariat):
        refused = TokenRefused("This token's account may not use the API.", row)
    else:
        return row
    api_use_refused(request=request, token=refused.token, reason=refused.message)
    raise refused


def api_use_record(*, request: HttpRequest, token: ApiToken) -> None:
    """Log one request made with `token` and note when it was last used."""
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    security_event_record(
        kind=EventKind.API_TOKEN_USED,
        request=request,
        user=token.user,
        detail={"token": token.prefix, "path": request.get_full_path()[:500]},
    )


def api_use_refused(*, request: HttpRequest, token: ApiToken | None, reason: str) -> None:
    security_event_record(
        kind=EventKind.API_TOKEN_REFUSED,
        request=request,
        user=token.user if token else None,
        detail={
            "token": token.prefix if token else "",
            "reason": reason,
            "path": request.get_full_path()[:500],
        },
    )

"""Access checks that views call first."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from portal.invitations import contact_person_may_invite
from portal.models import Respondent
from portal.roles import Role


def role_required(*roles: Role):
    """Let users holding one of `roles` through; send visitors to log in; refuse others."""
    allowed = frozenset(roles)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if request.user.role not in allowed:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def require_secretariat(request) -> None:
    """For views that look an object up after checking: reviewers and administrators only."""
    if not request.user.is_secretariat:
        raise PermissionDenied


def require_administrator(request) -> None:
    """For views that look an object up after checking: administrators only."""
    if not request.user.is_administrator:
        raise PermissionDenied


def get_respondent_for_user(request, code: str) -> Respondent:
    """The respondent `code` if the user may see it: staff see all, contact persons their own."""
    respondent = get_object_or_404(Respondent.objects.select_related("type"), code=code)
    user = request.user
    if user.is_secretariat:
        return respondent
    if user.is_contact_person and user.respondent_id == respondent.pk:
        return respondent
    raise PermissionDenied


def get_respondent_for_inviting(request, code: str) -> Respondent:
    """Administrators invite contact persons for any respondent; the lead contact person of a
    respondent invites colleagues of that respondent. Anyone else is refused."""
    user = request.user
    if not (user.is_administrator or (user.is_contact_person and user.is_lead_contact)):
        raise PermissionDenied
    respondent = get_object_or_404(Respondent.objects.select_related("type"), code=code)
    if not contact_person_may_invite(user=user, respondent=respondent):
        raise PermissionDenied
    return respondent

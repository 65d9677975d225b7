"""What the cycle views share: access helpers and texts in the reader's language."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.html import format_html

from portal.access import require_administrator, require_secretariat  # noqa: F401 - used by the cycle views
from portal.invitations import contact_person_may_invite
from portal.models import Respondent
from portal.multilingual import RIGHT_TO_LEFT, language_code, sort_key, text_and_language
from surveys.models import Cycle, CycleInvitation

# --- Access helpers, called first in every view ------------------------------------------------


def get_cycle_for_secretariat(request, pk: int) -> Cycle:
    require_secretariat(request)
    return get_object_or_404(
        Cycle.objects.select_related("version__questionnaire", "created_by"), pk=pk
    )


def get_invitation_for_administrator(request, pk: int) -> CycleInvitation:
    require_administrator(request)
    return get_object_or_404(CycleInvitation.objects.select_related("cycle", "respondent"), pk=pk)


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


# --- Texts in the reader's language -------------------------------------------------------------


def shown(texts: dict | None, fallback: str) -> str:
    """A multilingual text in the active language, else in `fallback` (a version's original
    language), marked with its own language and direction when it is a fallback."""
    text, code = text_and_language(texts, fallback=fallback)
    if code == language_code():
        return text
    direction = "rtl" if code in RIGHT_TO_LEFT else "ltr"
    return format_html('<span lang="{}" dir="{}">{}</span>', code, direction, text)


def by_name(items, respondent=lambda item: item):
    """`items` in the alphabetical order of their respondent's name in the reader's language."""
    language = language_code()
    return sorted(items, key=lambda item: sort_key(respondent(item).list_name(language), language))

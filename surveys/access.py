"""Who may open a questionnaire version: the access helpers every surveys view calls first."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from portal.access import role_required  # noqa: F401 - re-exported for the views
from surveys.models import QuestionnaireVersion, VersionStatus


def get_version_for_reading(request, pk: int) -> QuestionnaireVersion:
    """Approved and retired versions are public documents. Drafts are for the Secretariat, and
    for the contact persons of respondents invited to comment on them in a consultation."""
    version = get_object_or_404(QuestionnaireVersion.objects.select_related("questionnaire"), pk=pk)
    if version.status in (VersionStatus.APPROVED, VersionStatus.RETIRED):
        return version
    user = request.user
    if not user.is_authenticated:
        raise PermissionDenied
    if user.is_secretariat:
        return version
    if (
        user.is_contact_person
        and version.status == VersionStatus.CONSULTATION
        and version_invites(version, user.respondent_id)
    ):
        return version
    raise PermissionDenied


def version_invites(version: QuestionnaireVersion, respondent_id: int) -> bool:
    consultation = getattr(version, "consultation", None)
    return bool(consultation and consultation.respondents.filter(pk=respondent_id).exists())


def get_version_for_authoring(request, pk: int) -> QuestionnaireVersion:
    """Administrators author questionnaires; nobody else may reach an authoring page."""
    user = request.user
    if not (user.is_authenticated and user.is_administrator):
        raise PermissionDenied
    return get_object_or_404(QuestionnaireVersion.objects.select_related("questionnaire"), pk=pk)


def get_reply_for_user(request, pk: int, *, answering: bool = False):
    """The reply `pk` if the user may see it: its own respondent's contact persons, and the
    Secretariat (read only: `answering=True` lets through contact persons only). A contact person
    of another respondent gets 404, so the URL reveals nothing about other States' replies."""
    from surveys.models import Reply

    user = request.user
    if not user.is_authenticated:
        raise PermissionDenied
    reply = get_object_or_404(
        Reply.objects.select_related("cycle__version__questionnaire", "respondent"), pk=pk
    )
    if user.is_contact_person and user.respondent_id == reply.respondent_id:
        return reply
    if user.is_contact_person:
        from django.http import Http404

        raise Http404
    if user.is_secretariat and not answering:
        return reply
    raise PermissionDenied

"""The access helpers every surveys view calls first: one per resource and role, named
`get_<thing>_for_<role>(request, pk)`. Each returns the object, or raises Http404 or
PermissionDenied. The role checks themselves live in portal.access."""

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404

from portal.access import require_administrator, require_secretariat
from surveys.assistance.selectors import assistance_request_for_page
from surveys.coding.selectors import CODED_REPLY_STATUSES
from surveys.coding.services import CODED_PURPOSES
from surveys.models import (
    Answer,
    AssistanceRequest,
    Attachment,
    Consultation,
    ConsultationComment,
    Cycle,
    CycleInvitation,
    QuestionnaireVersion,
    Reply,
    ReplyExtract,
    Theme,
    VersionStatus,
)

# --- Questionnaire versions ----------------------------------------------------------------------


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
    """Administrators author questionnaires (and circulate and approve them); nobody else may
    reach an authoring page."""
    user = request.user
    if not (user.is_authenticated and user.is_administrator):
        raise PermissionDenied
    return get_object_or_404(QuestionnaireVersion.objects.select_related("questionnaire"), pk=pk)


def get_version_for_secretariat(request, pk: int) -> QuestionnaireVersion:
    """Any version, for the Secretariat's pages: reviewers read them, administrators act on them.
    Anyone else is refused before the version is looked up."""
    require_secretariat(request)
    return get_object_or_404(
        QuestionnaireVersion.objects.select_related("questionnaire", "based_on", "approved_by"),
        pk=pk,
    )


# --- Consultations -------------------------------------------------------------------------------


def get_consultation_for_contact_person(
    request, pk: int
) -> tuple[QuestionnaireVersion, Consultation]:
    """The version `pk` and its consultation, for a contact person whose respondent is invited."""
    user = request.user
    version = get_version_for_reading(request, pk)
    consultation = (
        Consultation.objects.filter(version=version, respondents=user.respondent_id).first()
        if user.is_contact_person
        else None
    )
    if consultation is None:
        raise PermissionDenied
    return version, consultation


def get_comment_for_administrator(request, pk: int) -> ConsultationComment:
    """A consultation comment, for the administrator who records how it was treated."""
    require_administrator(request)
    return get_object_or_404(
        ConsultationComment.objects.select_related(
            "consultation", "respondent", "author", "question"
        ),
        pk=pk,
    )


# --- Cycles and invitations ----------------------------------------------------------------------


def get_cycle_for_secretariat(request, pk: int) -> Cycle:
    require_secretariat(request)
    return get_object_or_404(
        Cycle.objects.select_related("version__questionnaire", "created_by"), pk=pk
    )


def get_invitation_for_administrator(request, pk: int) -> CycleInvitation:
    require_administrator(request)
    return get_object_or_404(CycleInvitation.objects.select_related("cycle", "respondent"), pk=pk)


# --- Replies and their files ---------------------------------------------------------------------


def get_reply_for_user(request, pk: int, *, answering: bool = False) -> Reply:
    """The reply `pk` if the user may see it: its own respondent's contact persons, and the
    Secretariat (read only: `answering=True` lets through contact persons only). A contact person
    of another respondent gets 404, so the URL reveals nothing about other States' replies."""
    user = request.user
    if not user.is_authenticated:
        raise PermissionDenied
    # With its respondent's extended deadline (surveys.answering.views._common.reply_deadline).
    extended = CycleInvitation.objects.filter(
        cycle_id=OuterRef("cycle_id"), respondent_id=OuterRef("respondent_id")
    ).values("extended_deadline")[:1]
    reply = get_object_or_404(
        Reply.objects.select_related(
            "cycle__version__questionnaire", "respondent", "submitted_by"
        ).annotate(extended_deadline=Subquery(extended)),
        pk=pk,
    )
    if user.is_contact_person and user.respondent_id == reply.respondent_id:
        return reply
    if user.is_contact_person:
        raise Http404
    if user.is_secretariat and not answering:
        return reply
    raise PermissionDenied


def get_reply_for_secretariat(request, pk: int) -> Reply:
    """Replies are reviewed by the Secretariat only; anyone else is refused before the reply is
    even looked up (so the address reveals nothing)."""
    if not request.user.is_secretariat:
        raise PermissionDenied
    return get_object_or_404(
        Reply.objects.select_related("cycle__version__questionnaire", "respondent", "submitted_by"),
        pk=pk,
    )


def get_attachment_for_user(request, token: str, *, answering: bool = False) -> Attachment:
    """The attachment if the user may see its reply (404 for another respondent's contact person).
    A removed file stays readable by the Secretariat only: an earlier submission may name it."""
    attachment = get_object_or_404(Attachment.objects.select_related("reply"), token=token)
    get_reply_for_user(request, attachment.reply_id, answering=answering)
    if attachment.removed_at is not None and not request.user.is_secretariat:
        raise Http404
    return attachment


# --- Coding, assistance, extracts ----------------------------------------------------------------


def get_answer_for_secretariat(request, pk: int) -> Answer:
    """An answer of a handed-over reply to a difficulty, assistance or useful-practice question:
    what the Secretariat codes."""
    require_secretariat(request)
    return get_object_or_404(
        Answer.objects.select_related("question", "reply"),
        pk=pk,
        question__purpose__in=CODED_PURPOSES,
        reply__status__in=CODED_REPLY_STATUSES,
    )


def get_theme_for_administrator(request, pk: int) -> Theme:
    require_administrator(request)
    return get_object_or_404(Theme, pk=pk)


def get_request_for_secretariat(request, pk: int) -> AssistanceRequest:
    require_secretariat(request)
    try:
        return assistance_request_for_page(pk)
    except AssistanceRequest.DoesNotExist:
        raise Http404 from None


def get_extract_for_secretariat(request, pk: int) -> ReplyExtract:
    """Extracts hold every reply of a cycle: Secretariat staff only."""
    require_secretariat(request)
    return get_object_or_404(ReplyExtract.objects.select_related("cycle"), pk=pk)

"""Technical-assistance requests (DESIGN.md, "Technical-assistance request"; resolution 2003/30,
para. 7): the requests a submitted reply states, and the Secretariat's work on them.

How a reply becomes requests (`assistance_requests_from_reply`), one request per answer:

- Only questions whose analytical purpose is `assistance_need`, and only those shown given the
  reply's answers (their relevance condition holds), are read.
- A short- or long-text answer that is not blank becomes a request; its description is the text
  as the respondent wrote it (A.9.1 "What kind of technical assistance would be most useful?").
- A yes/no (or yes/no/partly/don't know) answer says only that assistance would help: "yes" or
  "partly" becomes a request of its own only when none of the text questions that detail it (the
  assistance_need text questions whose relevance condition names it, e.g. A.9.1 for A.9) has text.
  Such a request has an empty description, which the pages show as "No details given", so that a
  need stated without details is still followed up. If a later submission gives the details, the
  same request moves to the text answer (no second request for the same need).
- Other question types (choices, numbers, tables, files) never make a request.
- The cluster is the cluster of most of the question's standards (ties: the cluster of higher
  priority, annex para. 8); the standards are the question's. The area is proposed from the
  coding when the answer already has an accepted technical-assistance-area theme, else left empty
  for staff to set. The language is the preferred language of the respondent's lead contact person
  (else of its first contact person, else the portal's default): the description is most likely
  written in it, and experts are matched on it. The priority is medium.

A resubmission never loses anything staff did: a request still "received" takes the new text and
a note keeps the previous one; a request staff have moved on keeps its description and gets a note
with the new text. A need the resubmitted reply no longer states is not closed automatically: a
note says so, and staff decide. Running the function twice on the same reply changes nothing.

Notes the portal writes itself are in the portal's default language (the Secretariat's working
language), whoever's submission caused them.
"""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from clusters.models import Availability, Cluster, Expert, Standard
from portal.models import User
from portal.roles import Role
from surveys.models import (
    OPEN_REQUEST_STATUSES,
    Answer,
    AnswerTheme,
    AssistanceMatch,
    AssistanceNote,
    AssistanceRequest,
    Decision,
    Priority,
    Purpose,
    Question,
    QuestionType,
    Reply,
    RequestStatus,
    Theme,
    ThemeKind,
)
from surveys.questionnaires.conditions import condition_holds

TEXT_TYPES = (QuestionType.SHORT_TEXT, QuestionType.LONG_TEXT)
YES_TYPES = (QuestionType.YES_NO, QuestionType.YES_NO_PARTLY_DK)
# The answers of a yes/no question that state a need.
STATES_A_NEED = ("yes", "partly")

# received → under assessment → matched → in progress → completed; declined from any open status.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    RequestStatus.RECEIVED: (RequestStatus.UNDER_ASSESSMENT, RequestStatus.DECLINED),
    RequestStatus.UNDER_ASSESSMENT: (RequestStatus.MATCHED, RequestStatus.DECLINED),
    RequestStatus.MATCHED: (RequestStatus.IN_PROGRESS, RequestStatus.DECLINED),
    RequestStatus.IN_PROGRESS: (RequestStatus.COMPLETED, RequestStatus.DECLINED),
    RequestStatus.COMPLETED: (),
    RequestStatus.DECLINED: (),
}


class AssistanceRefused(Exception):
    """The change cannot be made; the message says why."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


# `area=UNCHANGED` leaves the area as it is; `area=None` clears it.
UNCHANGED = _Unchanged()


def allowed_statuses(status: str) -> tuple[str, ...]:
    """The statuses a request in `status` may move to."""
    return TRANSITIONS.get(status, ())


# --- From a reply to requests --------------------------------------------------------------------


@dataclass
class _Need:
    answer: Answer
    description: str


def _stated_needs(reply: Reply) -> list[_Need]:
    """The needs the reply states now, in questionnaire order (see the module's docstring)."""
    answers = list(
        Answer.objects.filter(reply=reply).select_related("question").order_by("question__order")
    )
    values = {a.question.code: a.value for a in answers}
    by_question = {a.question_id: a for a in answers}
    questions = list(
        Question.objects.filter(version_id=reply.cycle.version_id, purpose=Purpose.ASSISTANCE_NEED)
    )
    shown = [q for q in questions if condition_holds(q.relevance, values)]

    def text_of(question: Question) -> str:
        answer = by_question.get(question.pk)
        value = answer.value if answer else None
        return value.strip() if isinstance(value, str) else ""

    needs = []
    for question in shown:
        answer = by_question.get(question.pk)
        if answer is None:
            continue
        if question.type in TEXT_TYPES and text_of(question):
            needs.append(_Need(answer, text_of(question)))
        elif (
            question.type in YES_TYPES
            and answer.value in STATES_A_NEED
            and not any(_details(q, question) and text_of(q) for q in shown)
        ):
            needs.append(_Need(answer, ""))
    return needs


def _cluster_of(standards: list[Standard]) -> Cluster | None:
    """The cluster most of `standards` belong to; a tie goes to the cluster of higher priority."""
    if not standards:
        return None
    counts = Counter(s.cluster_id for s in standards)
    clusters = {s.cluster_id: s.cluster for s in standards}
    return min(clusters.values(), key=lambda c: (-counts[c.pk], c.priority))


def request_language(respondent_id: int) -> str:
    """The language of the respondent's lead contact person, else of its first contact person."""
    people = User.objects.filter(
        role=Role.CONTACT_PERSON, respondent_id=respondent_id, is_active=True
    ).order_by("-is_lead_contact", "pk")
    language = people.values_list("preferred_language", flat=True).first()
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def _coded_areas(answer_ids: list[int]) -> dict[int, Theme]:
    """The first accepted technical-assistance area of each answer that has one."""
    areas: dict[int, Theme] = {}
    for coded in (
        AnswerTheme.objects.filter(
            answer_id__in=answer_ids,
            decision=Decision.ACCEPTED,
            theme__kind=ThemeKind.ASSISTANCE_AREA,
            theme__is_active=True,
        )
        .select_related("theme")
        .order_by("theme__order", "theme__code")
    ):
        areas.setdefault(coded.answer_id, coded.theme)
    return areas


def _note(
    request: AssistanceRequest, by: User, text: str, from_status: str = "", to_status: str = ""
) -> AssistanceNote:
    return AssistanceNote.objects.create(
        request=request, text=text, by=by, from_status=from_status, to_status=to_status
    )


def _no_longer_stated() -> str:
    return _("The resubmitted reply no longer states this need.")


@transaction.atomic
def assistance_requests_from_reply(*, reply: Reply, by: User) -> list[AssistanceRequest]:
    """Make or bring up to date the technical-assistance requests that `reply` states (the rule is
    in this module's docstring): one request per answer, idempotent. Returns the requests the
    reply states now. `by` is who submitted the reply; the notes written are theirs."""
    with translation.override(settings.LANGUAGE_CODE):
        return _requests_from_reply(reply, by)


def _requests_from_reply(reply: Reply, by: User) -> list[AssistanceRequest]:
    needs = _stated_needs(reply)
    existing = {
        r.answer_id: r
        for r in AssistanceRequest.objects.filter(reply=reply).select_related("answer__question")
    }
    areas = _coded_areas([need.answer.pk for need in needs])
    language = None
    stated = []
    for need in needs:
        request = existing.pop(need.answer.pk, None)
        if request is None:
            request = _same_need(need, existing)
        if request is not None:
            _bring_up_to_date(request, need, areas.get(need.answer.pk), by)
            stated.append(request)
            continue
        if language is None:
            language = request_language(reply.respondent_id)
        standards = [
            link.standard
            for link in need.answer.question.standard_links.select_related("standard__cluster")
        ]
        request = AssistanceRequest.objects.create(
            respondent_id=reply.respondent_id,
            reply=reply,
            answer=need.answer,
            cluster=_cluster_of(standards),
            area=areas.get(need.answer.pk),
            description=need.description,
            language=language,
            priority=Priority.MEDIUM,
        )
        request.standards.set({s.pk for s in standards})
        _note(
            request,
            by,
            _("Received with the reply (question %(code)s).") % {"code": need.answer.question.code},
            to_status=RequestStatus.RECEIVED,
        )
        stated.append(request)
    for request in existing.values():
        if not request.is_open:
            continue
        last = request.notes.order_by("-at", "-pk").first()
        if last is None or last.text != _no_longer_stated():
            _note(request, by, _no_longer_stated())
    return stated


def _details(text: Question, yes: Question) -> bool:
    """Whether `text` is a text question that details the yes/no question `yes`."""
    return (
        text.type in TEXT_TYPES
        and yes.type in YES_TYPES
        and (text.relevance or {}).get("question") == yes.code
    )


def _same_need(
    need: _Need, existing: dict[int | None, AssistanceRequest]
) -> AssistanceRequest | None:
    """The request made earlier for the same need from the other answer of its pair (a "yes"
    that this text now details, or the text of a "yes" now given without details), moved to
    `need`'s answer: one need, one request."""
    question = need.answer.question
    for answer_id, request in list(existing.items()):
        other = request.answer.question if request.answer else None
        if other is not None and (_details(question, other) or _details(other, question)):
            del existing[answer_id]
            request.answer = need.answer
            request.save(update_fields=["answer", "updated_at"])
            return request
    return None


def _bring_up_to_date(
    request: AssistanceRequest, need: _Need, area: Theme | None, by: User
) -> None:
    fields = []
    if request.area_id is None and area is not None:
        request.area = area
        fields.append("area")
    if need.description != request.description:
        if request.status == RequestStatus.RECEIVED:
            previous = request.description or _("(no details given)")
            request.description = need.description
            fields.append("description")
            _note(
                request,
                by,
                _("The resubmitted reply changed the description. Previous description: %(text)s")
                % {"text": previous},
            )
        else:
            already = request.notes.filter(text__endswith=need.description).exists()
            if need.description and not already:
                _note(
                    request,
                    by,
                    _(
                        "The resubmitted reply describes this need differently; the description "
                        "was kept as staff are working on the request. New text: %(text)s"
                    )
                    % {"text": need.description},
                )
    if fields:
        request.save(update_fields=[*fields, "updated_at"])


# --- The Secretariat's work on a request ---------------------------------------------------------


def _require_secretariat(by: User) -> None:
    if not (by.is_authenticated and by.is_secretariat):
        raise PermissionDenied


def _locked(request: AssistanceRequest) -> AssistanceRequest:
    return AssistanceRequest.objects.select_for_update().get(pk=request.pk)


@transaction.atomic
def assistance_request_update(
    *,
    request: AssistanceRequest,
    by: User,
    status: str | None = None,
    priority: int | None = None,
    area: Theme | None | _Unchanged = UNCHANGED,
    note: str = "",
) -> AssistanceRequest:
    """Change a request's status, priority or area, with a note; one AssistanceNote records who,
    when, the change of status (from, to) and what else changed. `None` leaves the status and
    priority as they are; `area=None` clears the area, `UNCHANGED` (the default) leaves it.

    Statuses move received → under assessment → matched → in progress → completed, and to
    declined from any open status (with a note saying why). Raises AssistanceRefused.
    """
    _require_secretariat(by)
    request = _locked(request)
    note = (note or "").strip()
    lines = []
    from_status = to_status = ""
    if status and status != request.status:
        if status not in allowed_statuses(request.status):
            raise AssistanceRefused(
                _("A request that is %(from)s cannot become %(to)s.")
                % {
                    "from": RequestStatus(request.status).label.lower(),
                    "to": RequestStatus(status).label.lower(),
                }
            )
        if status == RequestStatus.COMPLETED:
            raise AssistanceRefused(
                _(
                    "A request is completed with its outcome: fill in what was delivered, by "
                    "whom, when, and the evaluation."
                )
            )
        if status == RequestStatus.DECLINED and not note:
            raise AssistanceRefused(_("Say in a note why the request is declined."))
        from_status, to_status = request.status, status
        request.status = status
    if priority is not None and int(priority) != request.priority:
        lines.append(
            _("Priority: %(from)s → %(to)s.")
            % {"from": Priority(request.priority).label, "to": Priority(int(priority)).label}
        )
        request.priority = int(priority)
    # isinstance rather than `is not UNCHANGED`, the one instance: mypy narrows on it.
    if not isinstance(area, _Unchanged) and (area.pk if area else None) != request.area_id:
        if area is not None and area.kind != ThemeKind.ASSISTANCE_AREA:
            raise AssistanceRefused(_("The area must be a technical-assistance area."))
        lines.append(
            _("Area: %(from)s → %(to)s.") % {"from": request.area or "—", "to": area or "—"}
        )
        request.area = area
    if not (to_status or lines or note):
        raise AssistanceRefused(_("Nothing to change: choose a change or write a note."))
    if to_status or lines:
        request.save(update_fields=["status", "priority", "area", "updated_at"])
    _note(request, by, "\n".join([*lines, note]).strip(), from_status, to_status)
    return request


@transaction.atomic
def assistance_match(
    *, request: AssistanceRequest, expert: Expert, by: User, note: str = ""
) -> AssistanceMatch:
    """Match an expert of the roster to an open request; a request received or under assessment
    becomes matched. Raises AssistanceRefused."""
    _require_secretariat(by)
    request = _locked(request)
    if not request.is_open:
        raise AssistanceRefused(_("The request is closed: an expert can no longer be matched."))
    if not expert.is_active or expert.availability == Availability.UNAVAILABLE:
        raise AssistanceRefused(
            _("%(expert)s is not on the roster or not available.") % {"expert": expert}
        )
    if AssistanceMatch.objects.filter(request=request, expert=expert).exists():
        raise AssistanceRefused(
            _("%(expert)s is already matched to this request.") % {"expert": expert}
        )
    note = (note or "").strip()
    match = AssistanceMatch.objects.create(request=request, expert=expert, by=by, note=note)
    from_status = to_status = ""
    if request.status in (RequestStatus.RECEIVED, RequestStatus.UNDER_ASSESSMENT):
        from_status, to_status = request.status, RequestStatus.MATCHED
        request.status = RequestStatus.MATCHED
        request.save(update_fields=["status", "updated_at"])
    text = _("Matched with %(expert)s.") % {"expert": expert.name}
    _note(request, by, "\n".join([text, note]).strip(), from_status, to_status)
    return match


@transaction.atomic
def assistance_unmatch(
    *, request: AssistanceRequest, expert: Expert, by: User, note: str = ""
) -> AssistanceRequest:
    """Take an expert off an open request; a matched request left without an expert goes back
    under assessment. Raises AssistanceRefused."""
    _require_secretariat(by)
    request = _locked(request)
    if not request.is_open:
        raise AssistanceRefused(_("The request is closed: its experts can no longer change."))
    deleted, _rows = AssistanceMatch.objects.filter(request=request, expert=expert).delete()
    if not deleted:
        raise AssistanceRefused(
            _("%(expert)s is not matched to this request.") % {"expert": expert}
        )
    from_status = to_status = ""
    if request.status == RequestStatus.MATCHED and not request.matches.exists():
        from_status, to_status = request.status, RequestStatus.UNDER_ASSESSMENT
        request.status = RequestStatus.UNDER_ASSESSMENT
        request.save(update_fields=["status", "updated_at"])
    text = _("Match with %(expert)s removed.") % {"expert": expert.name}
    _note(request, by, "\n".join([text, (note or "").strip()]).strip(), from_status, to_status)
    return request


__all__ = [
    "OPEN_REQUEST_STATUSES",
    "TRANSITIONS",
    "UNCHANGED",
    "AssistanceRefused",
    "allowed_statuses",
    "assistance_match",
    "assistance_request_update",
    "assistance_requests_from_reply",
    "assistance_unmatch",
    "request_language",
]

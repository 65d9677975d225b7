"""Reads for the Secretariat's review: a cycle's counts by stage, regional group and type of
respondent, the list behind each count, and one reply laid out question by question with its
history, comments and what changed since the previous submission."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Exists, F, FilteredRelation, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.development import GROUPS, LDC, LLDC, POST_CONFLICT, SIDS, group_q, groups_of
from portal.models import RegionalGroup, Respondent, RespondentType
from portal.multilingual import LANGUAGE_CODES
from surveys.answering.rendering import (
    AnswerWords,
    QuestionnaireText,
    ScreenWords,
    answer_text,
    person_name,
)
from surveys.answering.selectors import answer_values_by_code, reply_answers
from surveys.models import (
    Answer,
    AnswerChange,
    Attachment,
    Channel,
    Cycle,
    CycleInvitation,
    Question,
    QuestionType,
    Reply,
    ReplyEvent,
    ReplyStatus,
    ReviewComment,
    SituationList,
)
from surveys.questionnaires.conditions import questions_shown
from surveys.submission.services import SUPPORTING_DOCUMENTS

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from surveys.questionnaires.selectors import VersionWithContent

S = ReplyStatus
# The stages a cycle's overview counts. "Submitted" counts every reply submitted at least once,
# whatever happened since; the three after it split it by where the review stands.
STAGES: dict[str, tuple] = {
    "invited": tuple(S.values),
    "started": (S.IN_PROGRESS, S.SUBMITTED, S.RETURNED, S.RESUBMITTED, S.ACCEPTED),
    "received": (S.SUBMITTED, S.RETURNED, S.RESUBMITTED, S.ACCEPTED),
    "awaiting_review": (S.SUBMITTED, S.RESUBMITTED),
    "returned": (S.RETURNED,),
    "accepted": (S.ACCEPTED,),
}
STAGE_LABELS = {
    "invited": _("Invited"),
    "started": _("Started"),
    "received": _("Submitted"),
    "awaiting_review": _("Awaiting review"),
    "returned": _("Returned"),
    "accepted": _("Accepted"),
}
NO_REGIONAL_GROUP = "none"


def status_filters() -> dict[str, tuple]:
    """What the overview's status filter accepts: a stage, or one reply status."""
    return {**{k: v for k, v in STAGES.items() if k != "invited"}, **{s: (s,) for s in S.values}}


# --- The cycle overview -------------------------------------------------------------------------


@dataclass
class CountRow:
    key: str  # the value of the filter the row's links set ("" for the total)
    label: "StrOrPromise"
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class CycleCounts:
    by_region: list[CountRow]
    by_type: list[CountRow]
    total: CountRow
    # By development status and situation (portal.development.GROUPS): a State may be in several
    # groups, other bodies are in none.
    by_group: list[CountRow] = field(default_factory=list)


def _listed_in_situations(cycle: Cycle) -> Exists:
    """Whether the invitation's respondent is on the cycle's list of post-conflict and
    peacekeeping situations (surveys.cycles.models.SituationList), as a subquery."""
    return Exists(
        SituationList.states.through.objects.filter(
            situationlist__cycle=cycle, respondent=OuterRef("respondent_id")
        )
    )


def with_reply_status(invitations: QuerySet, cycle: Cycle) -> QuerySet:
    """`invitations` (of `cycle`) with their reply's pk, status and date of submission, joined
    (a respondent has at most one reply per cycle) rather than looked up row by row."""
    return invitations.annotate(
        reply=FilteredRelation("respondent__replies", condition=Q(respondent__replies__cycle=cycle))
    ).annotate(
        reply_pk=F("reply__pk"),
        reply_status=Coalesce(F("reply__status"), Value(S.NOT_STARTED)),
        reply_submitted_at=F("reply__submitted_at"),
    )


# Where each reply status counts: the stages whose statuses include it.
_STAGES_OF = {status: [k for k, v in STAGES.items() if status in v] for status in S.values}


@lru_cache(maxsize=4096)
def _groups_of(
    code: str, is_state: bool, ldc: bool, lldc: bool, sids: bool, listed: bool
) -> tuple[str, ...]:
    # The same few hundred respondents on every overview; the reference data never changes.
    flags = {LDC: ldc, LLDC: lldc, SIDS: sids}
    return tuple(
        groups_of(code, is_state=is_state, flags=flags, post_conflict={code} if listed else set())
    )


def _respondent_types(types: "list[RespondentType] | None") -> dict[int, RespondentType]:
    return {t.pk: t for t in (RespondentType.objects.all() if types is None else types)}


def cycle_counts(*, cycle: Cycle, types: "list[RespondentType] | None" = None) -> CycleCounts:
    """How many invited respondents reached each stage, by regional group and by type of
    respondent, counted by the database: two queries, whatever the number of respondents (one
    if the caller passes the respondent `types`, all of them, in their order)."""
    grouped = (
        with_reply_status(CycleInvitation.objects.filter(cycle=cycle), cycle)
        .annotate(listed=_listed_in_situations(cycle))
        .values_list(
            "respondent__regional_group", "respondent__type_id", "reply_status",
            # For the development groups: a row per respondent, still one query.
            "respondent__code", "respondent__is_ldc", "respondent__is_lldc",
            "respondent__is_sids", "listed",
        )
        .annotate(n=Count("pk"))
        .order_by()
    )  # fmt: skip
    by_pk = _respondent_types(types)
    # The respondents' rows summed by what the counts tell apart, then counted once per stage.
    summed: Counter = Counter()
    for region, type_pk, status, code, ldc, lldc, sids, listed, n in grouped:
        is_state = by_pk[type_pk].code == RespondentType.MEMBER_STATE
        member_of = _groups_of(code, is_state, ldc, lldc, sids, listed)
        summed[(region or NO_REGIONAL_GROUP, type_pk, status, member_of)] += n
    empty = dict.fromkeys(STAGES, 0)
    regions = {value: CountRow(value, label, dict(empty)) for value, label in RegionalGroup.choices}
    by_type: dict[int, CountRow] = {}
    total = CountRow("", _("All respondents"), dict(empty))
    groups = {key: CountRow(key, label, dict(empty)) for key, label in GROUPS.items()}
    for (region, type_pk, status, member_of), n in summed.items():
        if region not in regions:
            regions[region] = CountRow(region, _("No regional group"), dict(empty))
        if type_pk not in by_type:
            kind = by_pk[type_pk]
            by_type[type_pk] = CountRow(kind.code, str(kind), dict(empty))
        rows = (regions[region], by_type[type_pk], total, *(groups[g] for g in member_of))
        for stage in _STAGES_OF[status]:
            for row in rows:
                row.counts[stage] += n
    type_rows = [by_type[pk] for pk in by_pk if pk in by_type]  # in the types' own order
    return CycleCounts(
        by_region=list(regions.values()),
        by_type=type_rows,
        total=total,
        by_group=list(groups.values()),
    )


@dataclass
class InvitedRespondent:
    """One invited respondent of a cycle's list, with its reply's pk, status and date."""

    respondent: Respondent  # its code, names, regional group and type only
    reply_pk: int | None
    reply_status: str
    reply_submitted_at: datetime | None


# In the model's own order, as Model.from_db reads them.
_LISTED_FIELDS = [
    f.attname
    for f in Respondent._meta.concrete_fields
    if f.attname in {"id", "code", "name", "regional_group", "type_id"}
]


def cycle_respondents(
    *,
    cycle: Cycle,
    status: str = "",
    region: str = "",
    type_code: str = "",
    search: str = "",
    group: str = "",
    types: "list[RespondentType] | None" = None,
) -> list[InvitedRespondent]:
    """The cycle's invited respondents (with their reply's pk, status and date of submission)
    that match the filters: `status` a key of status_filters(), `region` a regional group (or
    NO_REGIONAL_GROUP), `type_code` a respondent type's code, `search` part of the respondent's
    name in any of the six languages, or its code, `group` a development group or situation
    (portal.development.GROUPS). Two queries (one if the caller passes the respondent `types`)."""
    invitations = with_reply_status(CycleInvitation.objects.filter(cycle=cycle), cycle)
    statuses = status_filters().get(status)
    if statuses:
        invitations = invitations.filter(reply_status__in=statuses)
    if region == NO_REGIONAL_GROUP:
        invitations = invitations.filter(respondent__regional_group="")
    elif region:
        invitations = invitations.filter(respondent__regional_group=region)
    if type_code:
        invitations = invitations.filter(respondent__type__code=type_code)
    if group == POST_CONFLICT:
        invitations = invitations.filter(_listed_in_situations(cycle))
    elif group:
        invitations = invitations.filter(group_q(group, prefix="respondent__"))
    search = search.strip()
    if search:
        named = Q(respondent__code__iexact=search)
        for code in LANGUAGE_CODES:
            named |= Q(**{f"respondent__name__{code}__icontains": search})
        invitations = invitations.filter(named)
    by_pk = _respondent_types(types)
    rows = []
    # Read as values: a list of all invited (193 States and more) is sorted before a page of it
    # is shown, and model instances of every invitation cost more than the page's whole query.
    for *values, reply_pk, reply_status, submitted_at in invitations.values_list(
        *(f"respondent__{name}" for name in _LISTED_FIELDS),
        "reply_pk", "reply_status", "reply_submitted_at",
    ):  # fmt: skip
        respondent = Respondent.from_db(invitations.db, _LISTED_FIELDS, values)
        respondent.type = by_pk[respondent.type_id]
        rows.append(InvitedRespondent(respondent, reply_pk, reply_status, submitted_at))
    return rows


# --- One reply, question by question ------------------------------------------------------------


@dataclass
class ChangeRow:
    revision: int
    who: str
    at: object
    channel: str
    old: str
    new: str
    reason: str
    is_correction: bool


@dataclass
class ReviewedQuestion:
    question: Question
    text: str
    # The answer as saved (None when not answered), which `display` writes in words
    value: Any
    other_text: str
    raw_text: str  # free text answered, for its writing direction
    files: list[str]
    answered: bool
    revision: int
    words: AnswerWords = field(repr=False, compare=False)  # the questionnaire's, for `display`
    changes: list[ChangeRow] = field(default_factory=list)
    comments: list[ReviewComment] = field(default_factory=list)
    changed_since: int | None = None  # the number of the previous submission, if changed since
    before: str = ""
    after: str = ""
    # Carried over from the respondent's reply of that date in an earlier cycle, and kept as it was
    carried_date: object = None
    # Set when the row is drawn (surveys.review.views.row_cache): the address of the
    # Secretariat's correction, two labels of the row
    correct_url: str = ""
    direction: str = ""  # of the answer as shown
    comment_label: str = ""
    correct_hint: str = ""
    html: str = ""  # the row as drawn (surveys.review.views.row_cache)

    @property
    def corrected(self) -> bool:
        return any(c.is_correction for c in self.changes)

    @cached_property
    def display(self) -> str:
        """The current answer in words, as written: made when first read, so not for a row the
        page takes from the cache (surveys.review.views.row_cache)."""
        return answer_text(self.question, self.value, self.other_text, self.words)


@dataclass
class ReviewedSection:
    code: str
    title: str
    questions: list[ReviewedQuestion]


@dataclass
class ReplyReview:
    sections: list[ReviewedSection]
    reply_comments: list[ReviewComment]  # on the whole reply
    drafts: int
    events: list[ReplyEvent]
    previous_number: int | None
    latest_number: int | None
    changed_codes: list[str]
    supporting_changed: bool
    # Multiple choices where an option that excludes the others ("None of these") is ticked
    # together with others: (question code, the option's label).
    contradictions: list[tuple[str, str]] = field(default_factory=list)


def _entry_display(question: Question, entry: dict | None, words: AnswerWords) -> str:
    if not entry:
        return ""
    shown = answer_text(question, entry.get("value"), entry.get("other", ""), words)
    names = [f["name"] for f in entry.get("files", [])]
    return "; ".join(str(x) for x in ([shown] if shown else []) + names)


def _snapshot_key(entry: dict | None) -> tuple[Any, Any, list[Any]]:
    if not entry:
        return (None, "", [])
    value = entry.get("value")
    return (
        None if value in ("", [], {}) else value,
        entry.get("other", ""),
        [f.get("sha256") for f in entry.get("files", [])],
    )


def comments_with_responses(comments: list[ReviewComment]) -> list[ReviewComment]:
    """The comments that start a thread, each with `.response_list` (answers, oldest first)."""
    threads = [c for c in comments if c.in_reply_to_id is None]
    by_pk = {c.pk: c for c in threads}
    for comment in threads:
        comment.response_list = []
    for comment in comments:
        if comment.in_reply_to_id in by_pk:
            by_pk[comment.in_reply_to_id].response_list.append(comment)
    return threads


def _files_by_question(reply: Reply, questions: list[Question]) -> dict[int | None, list[str]]:
    """The names of the files of each question of `reply` (one query; none when no question of
    `questions` asks for a file: only a file question has files of its own)."""
    files: defaultdict[int | None, list[str]] = defaultdict(list)
    if not any(q.type == QuestionType.FILE for q in questions):
        return files
    for attachment in Attachment.objects.filter(
        reply=reply, removed_at__isnull=True, question__isnull=False
    ).order_by("uploaded_at", "pk"):
        files[attachment.question_id].append(attachment.original_name)
    return files


def _changes_by_question(
    reply: Reply, answers: dict[int, Answer], by_pk: dict, words: AnswerWords
) -> dict:
    """The history of each of `reply`'s `answers` (by question id), oldest first (one query, none
    for a reply without answers)."""
    changes: defaultdict[int, list] = defaultdict(list)
    # The answers are at hand: their changes are read without them (nor their values).
    question_of = {answer.pk: answer.question_id for answer in answers.values()}
    if not question_of:
        return changes
    for change in (
        AnswerChange.objects.filter(answer__reply=reply)
        .select_related("changed_by")
        .order_by("answer_id", "revision")
    ):
        question = by_pk[question_of[change.answer_id]]
        changes[question.pk].append(
            ChangeRow(
                revision=change.revision,
                who=person_name(change.changed_by),
                at=change.changed_at,
                channel=change.get_channel_display(),
                old=answer_text(question, change.old_value, change.old_other_text, words),
                new=answer_text(question, change.new_value, change.new_other_text, words),
                reason=change.reason,
                is_correction=change.channel == Channel.STAFF,
            )
        )
    return changes


def reply_review(*, reply: Reply, version: "VersionWithContent", language: str) -> ReplyReview:
    """`reply` laid out for a reviewer in the questionnaire's `language`: every question asked
    (relevant, or answered), its answer as written, its history, its comments, and whether it
    changed since the previous submission. `version` comes from version_with_content. A fixed
    number of queries, whatever the number of questions and answers."""
    text = QuestionnaireText(language, version.original_language)
    words = ScreenWords(text)
    answers = reply_answers(reply=reply)
    questions: list[Question] = [q for s in version.section_list for q in s.question_list]
    by_pk = {q.pk: q for q in questions}
    shown = questions_shown(
        [(q.code, q.relevance) for q in questions],
        answer_values_by_code(questions=questions, answers=answers),
    )
    files = _files_by_question(reply, questions)
    changes = _changes_by_question(reply, answers, by_pk, words)
    comments = list(
        ReviewComment.objects.filter(reply=reply)
        .select_related("author", "sent_with")
        .order_by("created_at", "pk")
    )
    threads = comments_with_responses(comments)
    by_question = defaultdict(list)
    for comment in threads:
        by_question[comment.question_id].append(comment)
    snapshots = list(reply.snapshots.order_by("-number")[:2])
    latest = snapshots[0] if snapshots else None
    previous = snapshots[1] if len(snapshots) > 1 else None

    sections, changed_codes = [], []
    for section in version.section_list:
        items = []
        for question in section.question_list:
            answer = answers.get(question.pk)
            value = answer.value if answer else None
            answered = value not in (None, "", [], {}) or bool(files.get(question.pk))
            if question.code not in shown and not answered:
                continue
            item = ReviewedQuestion(
                question=question,
                text=text(question.text),
                value=value,
                other_text=answer.other_text if answer else "",
                raw_text=value if isinstance(value, str) else "",
                files=files.get(question.pk, []),
                answered=answered,
                revision=answer.revision if answer else 0,
                words=words,
                changes=changes.get(question.pk, []),
                comments=by_question.get(question.pk, []),
                carried_date=answer.carried_date if answer and answer.revision == 1 else None,
            )
            if previous is not None and latest is not None:  # two submissions or more
                old = previous.answers.get(question.code)
                new = latest.answers.get(question.code)
                if _snapshot_key(old) != _snapshot_key(new):
                    item.changed_since = previous.number
                    item.before = _entry_display(question, old, words)
                    item.after = _entry_display(question, new, words)
                    changed_codes.append(question.code)
            items.append(item)
        sections.append(ReviewedSection(section.code, text(section.title), items))
    supporting_changed = (
        previous is not None
        and latest is not None
        and _snapshot_key(previous.answers.get(SUPPORTING_DOCUMENTS))
        != _snapshot_key(latest.answers.get(SUPPORTING_DOCUMENTS))
    )
    return ReplyReview(
        sections=sections,
        reply_comments=by_question.get(None, []),
        drafts=sum(1 for c in comments if c.sent_with_id is None and c.in_reply_to_id is None),
        events=list(reply.events.select_related("by").order_by("at", "pk")),
        previous_number=previous.number if previous else None,
        latest_number=latest.number if latest else None,
        changed_codes=changed_codes,
        supporting_changed=supporting_changed,
        contradictions=_contradictions(questions, answers, text),
    )


def _contradictions(questions: list[Question], answers: dict, text: Any) -> list[tuple[str, str]]:
    """Answers ticking an exclusive option ("None of these") with other options: replies
    received before the portal refused them, or through a channel that did not check."""
    found = []
    for question in questions:
        answer = answers.get(question.pk)
        value = answer.value if answer else None
        if question.type != QuestionType.MULTIPLE_CHOICE or not isinstance(value, list):
            continue
        for choice in question.option_list:
            if choice.exclusive and choice.name in value and len(value) > 1:
                found.append((question.code, text(choice.label)))
    return found


# --- What the contact persons see --------------------------------------------------------------


def sent_review_comments(*, reply: Reply) -> dict[int | None, list[ReviewComment]]:
    """The comments the Secretariat sent on `reply` (drafts never), with their answers
    (`.response_list`), by question id (None: on the whole reply). One query."""
    comments = list(
        ReviewComment.objects.filter(reply=reply)
        .filter(Q(sent_with__isnull=False) | Q(in_reply_to__sent_with__isnull=False))
        .select_related("author", "sent_with", "question__section")
        .order_by("created_at", "pk")
    )
    by_question = defaultdict(list)
    for comment in comments_with_responses(comments):
        by_question[comment.question_id].append(comment)
    return dict(by_question)


def staff_corrections(*, reply: Reply) -> dict[int, list[AnswerChange]]:
    """The Secretariat's corrections of `reply`'s answers, by question id. One query."""
    corrections = defaultdict(list)
    for change in (
        AnswerChange.objects.filter(answer__reply=reply, channel=Channel.STAFF)
        .select_related("answer", "changed_by")
        .order_by("changed_at", "pk")
    ):
        corrections[change.answer.question_id].append(change)
    return dict(corrections)


# --- The Secretariat's work in hand (home page) ----------------------------------------------


@dataclass
class CycleWork:
    pk: int
    title: dict[str, str]
    awaiting_review: int
    returned: int
    accepted: int


def secretariat_work() -> tuple[list[CycleWork], dict[str, int]]:
    """For the staff's home page, in two queries: per cycle with replies received, how many await
    review, are returned and are accepted; and how many assistance requests are received or under
    assessment."""
    from surveys.models import AssistanceRequest, RequestStatus

    rows = (
        Reply.objects.filter(status__in=STAGES["received"])
        .values("cycle_id", "cycle__title", "cycle__opens_on")
        .annotate(
            awaiting_review=Count("pk", filter=Q(status__in=STAGES["awaiting_review"])),
            returned=Count("pk", filter=Q(status=S.RETURNED)),
            accepted=Count("pk", filter=Q(status=S.ACCEPTED)),
        )
        .order_by("-cycle__opens_on", "cycle_id")
    )
    cycles = [
        CycleWork(
            row["cycle_id"], row["cycle__title"], row["awaiting_review"], row["returned"],
            row["accepted"],
        )
        for row in rows
    ]  # fmt: skip
    requests = AssistanceRequest.objects.aggregate(
        received=Count("pk", filter=Q(status=RequestStatus.RECEIVED)),
        under_assessment=Count("pk", filter=Q(status=RequestStatus.UNDER_ASSESSMENT)),
    )
    return cycles, requests


def comments_for_contact_persons(*, reply: Reply) -> list:
    """The comments the Secretariat sent on `reply`, with their answers: those on the whole reply
    first, then by question in the questionnaire's order, each with `.url` to its question on the
    answering pages. One query."""
    # Comments are sent only with a return: a reply never submitted spares the query.
    if reply.status in (ReplyStatus.NOT_STARTED, ReplyStatus.IN_PROGRESS):
        return []
    threads = [c for comments in sent_review_comments(reply=reply).values() for c in comments]
    for comment in threads:
        comment.url = ""
        if comment.question is not None:
            section = reverse("surveys:reply_section", args=[reply.pk, comment.question.section_id])
            comment.url = f"{section}#question-{comment.question_id}"
    return sorted(
        threads,
        key=lambda c: (
            (1, c.question.section.order, c.question.order, c.pk) if c.question else (0, 0, 0, c.pk)
        ),
    )


def replies_awaiting_review(*, limit: int = 10) -> list[Reply]:
    """The replies submitted or resubmitted and not yet reviewed, the longest waiting first, with
    their respondent and cycle (one query)."""
    return list(
        Reply.objects.filter(status__in=STAGES["awaiting_review"])
        .select_related("respondent", "cycle")
        .order_by("submitted_at", "pk")[:limit]
    )

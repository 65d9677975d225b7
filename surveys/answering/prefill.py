"""Cycles that build on each other (issue 18, item 4): a reply in a new cycle starts from the
respondent's last accepted reply of an earlier cycle of the same questionnaire, for the questions
whose code and meaning did not change (surveys.questionnaires.changes).

Each answer carried over names the earlier answer and the date of that reply, is recorded in its
history through the PREFILL channel, and stays to be confirmed until a contact person confirms or
changes it: until then progress and the completeness check count it as open. Nothing saved is
ever overwritten: a question that has an answer (even an emptied one) is left as it is, so
pre-filling again fills only what is still missing.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.models import User
from surveys.answering.services import AnswerInvalid, ReplyLocked, answer_clean
from surveys.models import (
    ANSWERABLE_STATUSES,
    Answer,
    AnswerChange,
    Channel,
    Cycle,
    Reply,
    ReplyStatus,
)
from surveys.questionnaires.changes import unchanged_codes
from surveys.questionnaires.selectors import version_content

# Files stay with the earlier reply: an upload is not carried over.
NOT_CARRIED = ("file",)


def _last_accepted(cycle: Cycle, respondent_ids: list[int]) -> dict[int, Reply]:
    """Each respondent's last accepted reply in a cycle of the same questionnaire opened before
    `cycle` (one query)."""
    earlier = (
        Reply.objects.filter(
            respondent_id__in=respondent_ids,
            status=ReplyStatus.ACCEPTED,
            cycle__version__questionnaire_id=cycle.version.questionnaire_id,
        )
        .filter(
            Q(cycle__opens_on__lt=cycle.opens_on)
            | Q(cycle__opens_on=cycle.opens_on, cycle_id__lt=cycle.pk)
        )
        .select_related("cycle__version")
        .order_by("cycle__opens_on", "cycle_id")
    )
    return {reply.respondent_id: reply for reply in earlier}  # the latest one wins


@transaction.atomic
def cycle_prefill(*, cycle: Cycle, by: User) -> int:
    """Pre-fill the answerable replies of `cycle` from each respondent's last accepted reply of an
    earlier cycle, for the unchanged questions not answered yet; `by` is recorded in the history
    (the administrator who opens the cycle). Returns how many answers were carried over.

    Idempotent: run again, it adds only what is still missing (e.g. a reply accepted since).
    Queries: a handful, whatever the number of replies and questions."""
    replies = list(
        Reply.objects.select_for_update()
        .filter(cycle=cycle, status__in=(ReplyStatus.NOT_STARTED, ReplyStatus.IN_PROGRESS))
        .order_by("pk")
    )
    sources = _last_accepted(cycle, [r.respondent_id for r in replies])
    replies = [r for r in replies if r.respondent_id in sources]
    if not replies:
        return 0
    questions = {
        q.code: q
        for s in version_content(version=cycle.version).section_list
        for q in s.question_list
        if q.type not in NOT_CARRIED
    }
    earlier_answers = _answers_by_reply([s.pk for s in sources.values()])
    answered = set(Answer.objects.filter(reply__in=replies).values_list("reply_id", "question_id"))
    now = timezone.now()
    carried: list[Answer] = []
    same: dict[int, frozenset[str]] = {}
    for reply in replies:
        source = sources[reply.respondent_id]
        if source.cycle.version_id not in same:
            same[source.cycle.version_id] = unchanged_codes(source.cycle.version, cycle.version)
        for code in same[source.cycle.version_id]:
            question, before = questions.get(code), earlier_answers[source.pk].get(code)
            if question is None or before is None or (reply.pk, question.pk) in answered:
                continue
            try:
                value, other = answer_clean(
                    question=question, value=before.value, other_text=before.other_text
                )
            except AnswerInvalid:
                continue  # cannot happen for an unchanged question; never carry a bad value
            if value is None:
                continue
            carried.append(
                Answer(
                    reply=reply, question_id=question.pk, value=value, other_text=other,
                    revision=1, updated_at=now, carried_from=before,
                    carried_date=timezone.localdate(source.submitted_at or now), to_confirm=True,
                )
            )  # fmt: skip
    Answer.objects.bulk_create(carried)
    AnswerChange.objects.bulk_create(
        AnswerChange(
            answer=a, revision=1, old_value=None, new_value=a.value, new_other_text=a.other_text,
            changed_by=by, changed_at=now, channel=Channel.PREFILL,
        )
        for a in carried
    )  # fmt: skip
    return len(carried)


def _answers_by_reply(reply_ids: list[int]) -> dict[int, dict[str, Answer]]:
    """The answers of the earlier replies by reply and question code (one query)."""
    found: dict[int, dict[str, Answer]] = {pk: {} for pk in reply_ids}
    rows = Answer.objects.filter(reply_id__in=reply_ids).select_related("question")
    for answer in rows.only(
        "pk", "reply_id", "value", "other_text", "question__code", "question__type"
    ):
        found[answer.reply_id][answer.question.code] = answer
    return found


@transaction.atomic
def answers_confirm(*, reply: Reply, question_ids: list[int], by: User) -> int:
    """Confirm the pre-filled answers of `reply` to these questions, as carried over: they count
    as answered from now on. Raises ReplyLocked once the reply is handed over. Returns how many
    were confirmed (none again for those already confirmed)."""
    status = Reply.objects.select_for_update().values_list("status", flat=True).get(pk=reply.pk)
    if status not in ANSWERABLE_STATUSES:
        raise ReplyLocked(_("This reply has been submitted; its answers can no longer be changed."))
    confirmed = Answer.objects.filter(
        reply=reply, question_id__in=question_ids, to_confirm=True
    ).update(to_confirm=False, updated_by=by, updated_at=timezone.now())
    if confirmed and status == ReplyStatus.NOT_STARTED:
        Reply.objects.filter(pk=reply.pk).update(
            status=ReplyStatus.IN_PROGRESS, started_at=timezone.now()
        )
    return confirmed

"""What the answering pages share: progress, the question blocks, the review's notes."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.urls import reverse

from surveys.answering.forms import Conflict, SectionAnswersForm
from surveys.answering.progress import progress_totals, reply_progress
from surveys.answering.rendering import QuestionnaireText, ScreenWords, answer_text, person_name
from surveys.answering.selectors import SectionOutline, VersionOutline, answer_values_by_code
from surveys.models import (
    Answer,
    CycleInvitation,
    Question,
    QuestionnaireVersion,
    Reply,
    ReplyStatus,
    Section,
)
from surveys.questionnaires.conditions import questions_shown
from surveys.questionnaires.selectors import FROZEN_STATUSES, version_content


def reply_deadline(reply: Reply):
    """The reply's deadline: its respondent's invitation (extended or not), else the cycle's.
    A reply from get_reply_for_user carries the extended deadline already (no query)."""
    if hasattr(reply, "extended_deadline"):
        return reply.extended_deadline or reply.cycle.deadline
    invitation = CycleInvitation.objects.filter(
        cycle_id=reply.cycle_id, respondent_id=reply.respondent_id
    ).first()
    return (invitation and invitation.extended_deadline) or reply.cycle.deadline


def answers_with_savers(reply: Reply) -> dict[int, Answer]:
    """The reply's answers by question id, with who saved each (one query)."""
    return {
        a.question_id: a for a in Answer.objects.filter(reply=reply).select_related("updated_by")
    }


@dataclass
class _Outline:
    section_list: list[SectionOutline]


def version_outline(version: QuestionnaireVersion) -> VersionOutline:
    """Sections and questions: what progress needs. An approved version's content as kept
    (version_content, no query once read), else sections and questions without their choices
    (two queries)."""
    if version.status in FROZEN_STATUSES:
        return version_content(version=version)
    questions = Question.objects.only(
        "pk", "code", "type", "required", "relevance", "section_id"
    ).order_by("order")
    sections = Section.objects.filter(version_id=version.pk).order_by("order")
    prefetch = Prefetch("questions", queryset=questions, to_attr="question_list")
    return _Outline(section_list=list(sections.prefetch_related(prefetch)))


def progress_context(
    *, reply: Reply, version: VersionOutline, text: QuestionnaireText, query: str,
    current_id: int | None = None, answers: dict[int, Answer] | None = None,
) -> dict:  # fmt: skip
    """Progress per section and overall (surveys.answering.progress: required questions done of
    required, optional apart), with the links to each section (`answers`: the reply's, when the
    caller has read them)."""
    sections = []
    items = reply_progress(reply=reply, version=version, answers=answers)
    for item in items:
        sections.append(
            {
                "pk": item.section_id,
                "code": item.code,
                "title": text(item.title),
                "required": item.required,
                "required_done": item.required_done,
                "optional_shown": item.optional_shown,
                "optional_answered": item.optional_answered,
                "shown": item.shown,
                "answered": item.answered,
                "percent": item.percent,
                "missing": len(item.required_missing),
                "unconfirmed": len(item.unconfirmed),
                "current": item.section_id == current_id,
                "url": reverse("surveys:reply_section", args=[reply.pk, item.section_id]) + query,
            }
        )
    totals = progress_totals(items)
    return {
        "sections": sections,
        "required": totals.required,
        "required_done": totals.required_done,
        "optional_shown": totals.optional_shown,
        "optional_answered": totals.optional_answered,
        "answered": totals.answered,
        "missing": totals.missing,
        "unconfirmed": totals.unconfirmed,
        "percent": totals.percent,
    }


def conflict_for(question: Question, answer: Answer, text: QuestionnaireText) -> Conflict:
    return Conflict(
        answer=answer,
        display=answer_text(question, answer.value, answer.other_text, ScreenWords(text)),
        who=person_name(answer.updated_by),
    )


def prepare_entries(
    form: SectionAnswersForm, *, reply: Reply, answers: dict[int, Answer], user, language: str,
    shown: set[str] | None = None,
) -> None:  # fmt: skip
    """Fill in what each question's block shows besides its field."""
    query = f"?language={language}"
    attachments_url = reverse("surveys:reply_attachments", args=[reply.pk])
    for entry in form.entries.values():
        question = entry.question
        entry.autosave_url = (
            reverse("surveys:answer_autosave", args=[reply.pk, question.pk]) + query
        )
        entry.attachments_url = attachments_url
        entry.shown = shown is None or question.code in shown
        answer = answers.get(question.pk)
        # Carried over from an earlier reply and not confirmed yet: "from your reply of <date>".
        entry.carried_date = answer.carried_date if answer and answer.to_confirm else None
        if answer and answer.updated_by_id and answer.updated_by_id != user.pk:
            entry.changed_by = person_name(answer.updated_by)
            entry.changed_at = answer.updated_at


def shown_codes(version, answers: dict[int, Answer]) -> set[str]:
    """The codes of the questions the stored answers make relevant (surveys.questionnaires.conditions)."""
    questions = [q for s in version.section_list for q in s.question_list]
    values = answer_values_by_code(questions=questions, answers=answers)
    return questions_shown([(q.code, q.relevance) for q in questions], values)


def context_answers(section, version, answers: dict[int, Answer], shown: set[str]) -> list[dict]:
    """Answers of earlier sections that this section's conditions look at, for relevance.js
    (which only sees the page): each as its effective value (a hidden question counts as empty)."""
    own = {q.code for q in section.question_list}
    wanted = {
        q.relevance["question"]
        for q in section.question_list
        if q.relevance and q.relevance.get("question") not in own
    }
    items = []
    for other in version.section_list:
        for question in other.question_list:
            if question.code not in wanted:
                continue
            answer = answers.get(question.pk)
            value = answer.value if answer and question.code in shown else None
            if isinstance(value, dict):
                value = None
            items.append(
                {
                    "code": question.code,
                    "values": value if isinstance(value, list) else None,
                    "value": "" if value is None or isinstance(value, list) else str(value),
                }
            )
    return items


def add_review_notes(form: SectionAnswersForm, *, reply: Reply, text: QuestionnaireText) -> None:
    """Beside each question, the comments the Secretariat sent and its corrections with their
    reason (two queries)."""
    from surveys.review.selectors import sent_review_comments, staff_corrections

    # Both come only after a submission: a reply never submitted spares the queries.
    reviewed = reply.status not in (ReplyStatus.NOT_STARTED, ReplyStatus.IN_PROGRESS)
    comments = sent_review_comments(reply=reply) if reviewed else {}
    corrections = staff_corrections(reply=reply) if reviewed else {}
    words = ScreenWords(text)
    for entry in form.entries.values():
        question = entry.question
        entry.review_comments = comments.get(question.pk, [])
        entry.corrections = [
            {
                "at": change.changed_at,
                "reason": change.reason,
                "old": answer_text(question, change.old_value, change.old_other_text, words),
                "new": answer_text(question, change.new_value, change.new_other_text, words),
            }
            for change in corrections.get(question.pk, [])
        ]

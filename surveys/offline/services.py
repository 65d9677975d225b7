"""A reply offline: an XLSX workbook to fill in Excel or LibreOffice, read back and imported.

The workbook (one reply, one language; surveys.offline.workbook writes it, and
surveys.offline.reader reads it back):
  Answers  one row per question: code, section, question, help, answer (the cell to fill), other
           (please specify), hint; hidden key columns: question id, item, reply id, revision at
           download. A multiple choice has one row per option, answered "Yes" or left blank; a
           table has one row per table row, with one of the columns' labels chosen.
  About    the reply's identity and the instructions, in the workbook's language.
  Lists    (hidden) the labels the drop-down lists of the answer cells offer.
  portal   (hidden) which reply, cycle, questionnaire version and respondent the file is for.

Reading reuses the workbook guards of the XLSForm import (surveys.exchange.workbook_guards: size
and archive checks before openpyxl opens the file; openpyxl parses XML through defusedxml). An
upload is read in full first: every problem is listed by question code with its sheet and row, and
a file for another reply is refused as a whole. Nothing is saved until the person confirms the
changes the reading proposes; each is then saved with answer_save(channel="xlsx") against the
revision the file was downloaded at, so an answer changed on the portal since the download is never
overwritten silently.
"""

import datetime
import io
from dataclasses import dataclass, field

import openpyxl
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from portal.models import User
from portal.multilingual import language_direction, text_and_language
from surveys.answering.rendering import AnswerWords, answer_text
from surveys.answering.selectors import reply_answers
from surveys.answering.services import AnswerInvalid, AnswerStale, ReplyLocked, answer_save
from surveys.exchange.workbook_guards import check_archive
from surveys.models import Channel, Choice, Question, QuestionType, Reply
from surveys.offline.reader import (
    ImportProblem,
    ImportReading,
    ProposedChange,
    read_reply_workbook,
)
from surveys.offline.workbook import (
    LIST_SEPARATORS,
    choice_labels,
    question_options,
    reply_workbook,
    table_parts,
)
from surveys.questionnaires.selectors import version_with_content

__all__ = [
    "ImportOutcome",
    "ImportProblem",
    "ImportReading",
    "ProposedChange",
    "reply_xlsx_apply",
    "reply_xlsx_export",
    "reply_xlsx_filename",
    "reply_xlsx_preview_rows",
    "reply_xlsx_read",
]


def reply_xlsx_export(*, reply: Reply, language: str, by: User, upload_url: str = "") -> bytes:
    """The reply's questionnaire as a workbook in `language`, pre-filled with its answers."""
    return reply_workbook(
        reply=reply,
        version=version_with_content(pk=reply.cycle.version_id),
        answers=reply_answers(reply=reply),
        language=language,
        by=by,
        upload_url=upload_url,
    )


def reply_xlsx_filename(reply: Reply, language: str) -> str:
    version = reply.cycle.version
    return f"{version.questionnaire.code}-v{version.number}-{reply.respondent.code}-{language}.xlsx"


# --- Reading an upload ---------------------------------------------------------------------------


def reply_xlsx_read(*, reply: Reply, data: bytes) -> ImportReading:
    """Read an uploaded workbook against `reply`: the changes it proposes, or every problem.

    Saves nothing. A file that is not a workbook, or was downloaded for another reply (another
    respondent, another questionnaire), is refused as a whole (`refused`).
    """
    problem = check_archive(data)
    if problem:
        return ImportReading(refused=_("The file was refused: %(reason)s.") % {"reason": problem})
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any parse failure is the file's fault
        return ImportReading(refused=_("The file cannot be read as an Excel workbook (.xlsx)."))
    try:
        return read_reply_workbook(reply, workbook)
    finally:
        workbook.close()


# --- Importing on confirmation -------------------------------------------------------------------


@dataclass
class ImportOutcome:
    saved: list[str] = field(default_factory=list)  # question codes
    kept: list[str] = field(default_factory=list)  # conflicts where the person kept the portal's
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (code, why)


def reply_xlsx_apply(
    *, reply: Reply, changes: list[ProposedChange], use_file: set[int], by: User
) -> ImportOutcome:
    """Save the confirmed changes of an upload, one answer at a time, through answer_save.

    A conflict (changed on the portal since the download) is saved only if its question is in
    `use_file`, over the portal's value the person saw; an answer someone changed since the
    preview is skipped (AnswerStale), never overwritten.
    """
    questions = {
        q.pk: q
        for q in Question.objects.filter(
            version_id=reply.cycle.version_id, pk__in=[c.question_id for c in changes]
        ).prefetch_related("choices")
    }
    outcome = ImportOutcome()
    locked = ""
    for change in changes:
        if locked:
            outcome.skipped.append((change.code, locked))
            continue
        if change.conflict and change.question_id not in use_file:
            outcome.kept.append(change.code)
            continue
        question = questions.get(change.question_id)
        if question is None:
            outcome.skipped.append((change.code, _("Not a question of this reply.")))
            continue
        try:
            answer_save(
                reply=reply, question=question, value=change.value, other_text=change.other_text,
                base_revision=change.current_revision if change.conflict else change.base_revision,
                by=by, channel=Channel.XLSX,
            )  # fmt: skip
        except AnswerStale as stale:
            who = stale.answer.updated_by
            outcome.skipped.append(
                (
                    change.code,
                    _("Changed on the portal by %(name)s after the preview; their answer is kept.")
                    % {"name": (who.get_full_name() or who.username) if who else "?"},
                )
            )
        except AnswerInvalid as invalid:
            outcome.skipped.append((change.code, str(invalid).removeprefix(f"{change.code}: ")))
        except ReplyLocked as error:
            locked = str(error)
            outcome.skipped.append((change.code, locked))
        else:
            outcome.saved.append(change.code)
    return outcome


# --- What the preview shows ----------------------------------------------------------------------


@dataclass
class PreviewRow:
    change: ProposedChange
    question: Question
    text: str  # the question in the page's language, else in the version's original language
    text_language: str
    now: str  # the answer on the portal now
    new: str  # the answer in the file
    saved_by: User | None
    saved_at: datetime.datetime | None
    moved: bool  # changed on the portal again since the file was read: will be skipped

    @property
    def text_direction(self) -> str:
        return language_direction(self.text_language)


def reply_xlsx_preview_rows(
    *, reply: Reply, changes: list[ProposedChange], language: str
) -> list[PreviewRow]:
    """The changes of an upload, question by question, with what the portal holds now (3 queries)."""
    fallback = reply.cycle.version.original_language
    words = WorkbookWords(language, fallback)
    questions = {
        q.pk: q
        for q in Question.objects.filter(
            version_id=reply.cycle.version_id, pk__in=[c.question_id for c in changes]
        ).prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("kind", "order")))
    }
    answers = {
        a.question_id: a
        for a in reply.answers.filter(question_id__in=list(questions)).select_related("updated_by")
    }
    rows = []
    for change in changes:
        question = questions.get(change.question_id)
        if question is None:
            continue
        answer = answers.get(question.pk)
        now = (answer.value, answer.other_text) if answer else (None, "")
        text, text_language = text_and_language(question.text, language, fallback=fallback)
        rows.append(
            PreviewRow(
                change=change,
                question=question,
                text=text,
                text_language=text_language,
                now=answer_text(question, *now, words),
                new=answer_text(question, change.value, change.other_text, words),
                saved_by=answer.updated_by if answer else None,
                saved_at=answer.updated_at if answer else None,
                moved=(answer.revision if answer else 0) != change.current_revision,
            )
        )
    return rows


class WorkbookWords(AnswerWords):
    """An answer's parts worded as the workbook writes them (surveys.offline.workbook): the
    labels of its lists, its list separator, one table row a line."""

    row_separator = "\n"

    def __init__(self, language: str, fallback: str):
        super().__init__(language, fallback)
        self.list_separator = LIST_SEPARATORS.get(language, "; ")

    def options(self, question: Question) -> dict[str, str]:
        if question.type == QuestionType.TABLE:
            return dict(choice_labels(table_parts(question)[1], self.language, self.fallback))
        return dict(choice_labels(question_options(question), self.language, self.fallback))

    def rows(self, question: Question) -> list[tuple[str, str]]:
        return choice_labels(table_parts(question)[0], self.language, self.fallback)

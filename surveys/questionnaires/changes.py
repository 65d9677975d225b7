"""What changed between two versions of a questionnaire, question by question (issue 18, item 4).

A question keeps its meaning from one version to the next when its code is the same and so are its
type, its text in the questionnaire's original language, its choices (codes and original-language
labels, the rows and columns of a table, "other, please specify"), its unit and its bounds. Help
texts and translations alone do not change meaning: a reply given to the earlier question answers
the later one, which is what pre-filling a new cycle and comparing cycles rely on. An author may
still mark a question whose words stay the same as changed in meaning (`Question.meaning_changed`).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from portal.models import User
from portal.multilingual import in_language
from surveys.questionnaires.models import Question, QuestionnaireVersion
from surveys.questionnaires.selectors import version_content
from surveys.questionnaires.services import VersionFrozen

if TYPE_CHECKING:
    from surveys.questionnaires.selectors import QuestionWithContent, VersionWithContent


@dataclass(frozen=True)
class VersionComparison:
    """The later version's questions against the earlier's, by code, each tuple in the order the
    questions come in (the later version's; the earlier's for `removed`)."""

    earlier: QuestionnaireVersion
    later: QuestionnaireVersion
    unchanged: tuple[str, ...]
    changed: tuple[str, ...]
    new: tuple[str, ...]
    removed: tuple[str, ...]

    @property
    def differs(self) -> bool:
        return bool(self.changed or self.new or self.removed)


def _text(texts: dict | None, language: str) -> str:
    # Spaces at the ends and runs of spaces are layout, not wording.
    return " ".join(((texts or {}).get(language) or "").split())


def _bound(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.normalize()


def _meaning(question: "QuestionWithContent", language: str) -> tuple:
    """What a question means, as far as a machine can tell: equal tuples, same meaning."""
    choices = sorted((c.kind, c.name, _text(c.label, language)) for c in question.choice_list)
    return (
        question.type,
        _text(question.text, language),
        tuple(choices),
        question.other_specify,
        _text(question.unit, language),
        _bound(question.minimum),
        _bound(question.maximum),
    )


def _questions(version: "VersionWithContent") -> dict[str, "QuestionWithContent"]:
    return {q.code: q for s in version.section_list for q in s.question_list}


def version_compare(
    *, earlier: QuestionnaireVersion, later: QuestionnaireVersion
) -> VersionComparison:
    """Compare two versions' questions (each version read once: version_content keeps approved
    ones, so comparing them again costs no query). The texts compared are in the later version's
    original language."""
    language = later.original_language
    before = _questions(version_content(version=earlier))
    after = _questions(version_content(version=later))
    unchanged, changed, new = [], [], []
    for code, question in after.items():
        if code not in before:
            new.append(code)
        elif question.meaning_changed or _meaning(question, language) != _meaning(
            before[code], language
        ):
            changed.append(code)
        else:
            unchanged.append(code)
    removed = [code for code in before if code not in after]
    return VersionComparison(
        earlier=earlier,
        later=later,
        unchanged=tuple(unchanged),
        changed=tuple(changed),
        new=tuple(new),
        removed=tuple(removed),
    )


def unchanged_codes(earlier: QuestionnaireVersion, later: QuestionnaireVersion) -> frozenset[str]:
    """The codes of `later`'s questions whose code and meaning did not change since `earlier`: an
    answer to the earlier question answers the later one."""
    if earlier.pk == later.pk:
        return frozenset(_questions(version_content(version=later)))
    return frozenset(version_compare(earlier=earlier, later=later).unchanged)


@dataclass(frozen=True)
class QuestionLine:
    code: str
    text: str  # in the reader's language, else the version's original one
    marked: bool = False  # changed in meaning by the author's mark, the words being the same


@dataclass(frozen=True)
class VersionChanges:
    """A version against the one it is based on, as the version's pages show it."""

    based_on: QuestionnaireVersion
    changed: list[QuestionLine]
    new: list[QuestionLine]
    removed: list[QuestionLine]
    unchanged: list[QuestionLine]

    @property
    def groups(self) -> list[dict]:
        """The changed, new and removed questions under their headings, for the pages."""
        return [
            {"key": "changed", "title": gettext("Changed questions"), "lines": self.changed},
            {"key": "new", "title": gettext("New questions"), "lines": self.new},
            {"key": "removed", "title": gettext("Removed questions"), "lines": self.removed},
        ]

    @property
    def markable(self) -> list[QuestionLine]:
        """The questions an author may mark as changed in meaning: those marked already and those
        unchanged (a question reworded is changed anyway)."""
        return [line for line in self.changed if line.marked] + self.unchanged


def version_changes(
    *, version: QuestionnaireVersion, language: str | None = None
) -> VersionChanges | None:
    """What changed in `version` since the version it is based on (None if it is based on none),
    each question with its text in `language` (default: the active one)."""
    if version.based_on_id is None:
        return None
    based_on = QuestionnaireVersion.objects.get(pk=version.based_on_id)
    comparison = version_compare(earlier=based_on, later=version)
    after = _questions(version_content(version=version))
    before = _questions(version_content(version=based_on))

    def lines(codes: tuple[str, ...], questions: dict, fallback: str) -> list[QuestionLine]:
        return [
            QuestionLine(
                code,
                in_language(questions[code].text, language, fallback=fallback),
                questions is after and questions[code].meaning_changed,
            )
            for code in codes
        ]

    original, earlier_original = version.original_language, based_on.original_language
    return VersionChanges(
        based_on=based_on,
        changed=lines(comparison.changed, after, original),
        new=lines(comparison.new, after, original),
        removed=lines(comparison.removed, before, earlier_original),
        unchanged=lines(comparison.unchanged, after, original),
    )


@transaction.atomic
def version_meaning_changed_set(
    *, version: QuestionnaireVersion, codes: Iterable[str], by: User
) -> int:
    """Mark the questions `codes` of a draft as changed in meaning (their earlier answers are not
    carried into a new cycle), and unmark the others. Administrators only, on an editable
    version. Returns how many questions are marked."""
    if not (by.is_authenticated and by.is_administrator):
        raise PermissionDenied
    version = QuestionnaireVersion.objects.select_for_update().get(pk=version.pk)
    if not version.is_editable:
        raise VersionFrozen(version)
    wanted = set(codes)
    questions = Question.objects.filter(version=version)
    questions.filter(code__in=wanted).update(meaning_changed=True)
    questions.exclude(code__in=wanted).update(meaning_changed=False)
    return questions.filter(meaning_changed=True).count()

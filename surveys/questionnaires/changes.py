"""What changed between two versions of a questionnaire, question by question (issue 18, item 4).

A question keeps its meaning from one version to the next when its code is the same and so are its
type, its text in the questionnaire's original language, its choices (codes and original-language
labels, the rows and columns of a table, "other, please specify"), its unit and its bounds. Help
texts and translations alone do not change meaning: a reply given to the earlier question answers
the later one, which is what pre-filling a new cycle and comparing cycles rely on. An author may
still mark a question whose words stay the same as changed in meaning (`Question.meaning_changed`).
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from surveys.questionnaires.models import QuestionnaireVersion
from surveys.questionnaires.selectors import version_content

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

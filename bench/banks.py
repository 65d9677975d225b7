"""The texts generated replies are written with, by questionnaire, so that they fit its questions:
category (a) from bench.texts and bench.practices, category (d) from bench.texts_d."""

from dataclasses import dataclass

from bench.practices import PRACTICES
from bench.texts import OTHER_TEXTS, SENTENCES, SHORT_TEXTS
from bench.texts_d import OTHER_TEXTS_D, PRACTICES_D, SENTENCES_D, SHORT_TEXTS_D
from surveys.models import Question

# The questionnaire synthetic cycles answer, and the bank of any questionnaire without its own.
QUESTIONNAIRE = "category-a"


@dataclass(frozen=True)
class TextBank:
    """Where the generated free text of a questionnaire's replies comes from, so that the text fits
    the questions: sentences by module letter ("" for every module) and purpose, tagged with
    codebook themes; useful practices by module; short texts; "Other" texts by question."""

    sentences: dict[str, dict[str, dict[str, list[tuple[str, str]]]]]
    practices: dict[str, list[dict[str, str]]]
    short_texts: dict[str, list[str]]
    other_texts: dict[str, list[dict[str, str]]]

    def sentences_for(self, question: Question, language: str) -> list[tuple[str, str]]:
        by_purpose = self.sentences.get(question.code[:1]) or self.sentences[""]
        bank = by_purpose.get(question.purpose) or by_purpose.get("other")
        bank = bank or next(iter(by_purpose.values()))
        return bank.get(language) or bank["en"]

    def short(self, language: str) -> list[str]:
        return self.short_texts.get(language) or self.short_texts["en"]


# The questionnaires whose replies can be generated, by code (category (a) by default).
TEXT_BANKS = {
    QUESTIONNAIRE: TextBank({"": SENTENCES}, PRACTICES, SHORT_TEXTS, OTHER_TEXTS),
    "category-d": TextBank(SENTENCES_D, PRACTICES_D, SHORT_TEXTS_D, OTHER_TEXTS_D),
}

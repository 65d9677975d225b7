"""The blank questionnaire printed (for a PDF), in any of the six languages, to circulate with a note verbale."""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from babel.lists import format_list
from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import to_locale

from portal.localformats import date_text, number_text
from portal.multilingual import (
    language_direction,
    language_marked,
    text_and_language,
)
from portal.provisions import provision_text
from surveys.models import QuestionnaireVersion, QuestionType, VersionStatus
from surveys.questionnaires.condition_choices import COMPARISON_WORDS
from surveys.questionnaires.conditions import condition_parts
from surveys.questionnaires.documents import COMPARISON_SIGNS, COMPARISONS
from surveys.questionnaires.scales import FIXED_SCALES, OTHER_SPECIFY

if TYPE_CHECKING:
    from surveys.questionnaires.selectors import VersionWithContent

_LIST_SEPARATORS = {"ar": "؛ ", "zh-hans": "；"}
_LRI, _FSI, _PDI = "\u2066", "\u2068", "\u2069"  # Unicode bidi isolates


def version_pdf_filename(version: QuestionnaireVersion, language: str) -> str:
    return f"{version.questionnaire.code}-v{version.number}-{language}.pdf"


def blank_questionnaire_html(*, version: "VersionWithContent", language: str) -> str:
    """The printable HTML of `version` (read with `version_with_content`) in `language`."""
    with translation.override(language):
        return render_to_string(
            "surveys/questionnaires/print.html", _printed_questionnaire(version, language)
        )


# --- What the template prints: every text already in the document's language -------------------


@dataclass
class PrintedQuestion:
    code: str
    type: str
    text: SafeString
    help: SafeString
    required: bool
    condition: SafeString
    options: list[SafeString] = field(default_factory=list)  # choices, scale labels, columns
    rows: list[SafeString] = field(default_factory=list)
    other_specify: SafeString = SafeString("")
    unit: SafeString = SafeString("")
    bounds: str = ""
    standards: list[SafeString] = field(default_factory=list)
    lead_in: SafeString = SafeString("")  # the text shown before the question


@dataclass
class PrintedSection:
    code: str
    title: SafeString
    intro: SafeString
    questions: list[PrintedQuestion]


class PrintTexts:
    """Picks texts in the document's language, else in the version's original language, and marks
    a fallback with its own language and direction (for screen readers and the bidi algorithm)."""

    def __init__(self, language: str, fallback: str):
        self.language = language
        self.fallback = fallback

    def __call__(self, texts: dict | None) -> SafeString:
        text, code = text_and_language(texts, self.language, fallback=self.fallback)
        html = linebreaksbr(text, autoescape=True)
        if not text or code == self.language:
            return html
        return self.marked(html, code)

    def marked(self, html: str, code: str) -> SafeString:
        return language_marked(html, code)

    def provision(self, provision: str) -> str:
        """A provision ("rule 2.3") in the document's language ("القاعدة 2.3")."""
        return provision_text(provision, self.language)


def print_number(value: Decimal) -> str:
    """1000000.000000 -> "1,000,000" (grouped and with the decimal mark of the active language)."""
    return number_text(value.normalize())


def _sentence(message: str, **values) -> SafeString:
    """A translated sentence ("... %(question)s ...") with `values` (escaped unless already safe
    HTML) in its placeholders."""
    braced = str(escape(message)).replace("{", "{{").replace("}", "}}")
    return format_html(re.sub(r"%\((\w+)\)s", r"{\1}", braced), **values)


def print_date(value, language: str) -> str:
    if value is None:
        return ""
    return date_text(value, language)


def _bounds(question) -> str:
    low, high = question.minimum, question.maximum
    if low is not None and high is not None:
        return _("between %(minimum)s and %(maximum)s") % {
            "minimum": print_number(low),
            "maximum": print_number(high),
        }
    if low is not None:
        return _("at least %(minimum)s") % {"minimum": print_number(low)}
    if high is not None:
        return _("at most %(maximum)s") % {"maximum": print_number(high)}
    return ""


def _condition(question, earlier: dict, text: PrintTexts) -> SafeString:
    """The relevance condition in words: "Answer only if A.2 is “Yes”."; several conditions over
    A.2: "Answer only if the answer to A.2 is “a” or “b”.", in the words of each language."""
    relevance = question.relevance
    if not relevance:
        return SafeString("")
    target = earlier.get(relevance["question"])
    join, parts = condition_parts(relevance)
    # Isolated, "A.1" and "0" keep their order inside an Arabic sentence (Unicode bidi rule W7
    # would otherwise run "A.1 «0" together as one left-to-right stretch).
    question_code = f"{_LRI}{relevance['question']}{_PDI}"
    labels = [format_html("{}{}{}", _FSI, _value_label(target, v, text), _PDI) for _o, v in parts]
    operators = {operator for operator, _value in parts}
    if operators <= set(COMPARISONS):  # "more than 2 and less than 10"
        phrases = [
            _sentence(str(COMPARISON_WORDS[operator]), value=label)
            for (operator, _value), label in zip(parts, labels, strict=True)
        ]
        return _sentence(
            _("Answer only if the answer to %(question)s is %(comparison)s."),
            question=question_code,
            comparison=_listed(phrases, "or" if join == "any" else "standard"),
        )
    if len(parts) == 1:
        return _single_condition(parts[0][0], question_code, labels[0])
    quoted = [_sentence(_("“%(value)s”"), value=label) for label in labels]
    style: Literal["standard", "or"] = "or" if join == "any" else "standard"  # "a, b or c"
    values = {"question": question_code, "values": _listed(quoted, style)}
    if operators == {"selected"} and join == "any":
        return _sentence(_("Answer only if %(values)s is ticked in %(question)s."), **values)
    if operators == {"selected"}:
        return _sentence(_("Answer only if %(values)s are ticked in %(question)s."), **values)
    if operators == {"="} and join == "any":
        return _sentence(_("Answer only if the answer to %(question)s is %(values)s."), **values)
    if operators == {"!="} and join == "all":
        values["values"] = _listed(quoted, "or")
        return _sentence(
            _("Answer only if the answer to %(question)s is not %(values)s."), **values
        )
    words = {**COMPARISON_SIGNS, "selected": _("includes")}
    tests = [
        format_html("{} {}", words[operator], value)
        for (operator, _value), value in zip(parts, quoted, strict=True)
    ]
    values = {"question": question_code, "conditions": _listed(tests, style)}
    return _sentence(_("Answer only if the answer to %(question)s is: %(conditions)s."), **values)


def _listed(items: list[SafeString], style: Literal["standard", "or"]) -> SafeString:
    """Items joined the way the active language lists them ("a, b or c", "a、b或c")."""
    language = to_locale(translation.get_language() or "en")
    # The list patterns put words and punctuation between the items, never markup.
    return SafeString(format_list(items, style=style, locale=language))  # noqa: S704


def _value_label(target, value: str, text: PrintTexts) -> str:
    """A value of a condition as the respondent reads it: the choice's label, a number in the
    reader's way."""
    if target is None:
        return value
    if target.type in FIXED_SCALES and value in FIXED_SCALES[target.type]:
        return text(FIXED_SCALES[target.type][value])
    if target.type in (QuestionType.INTEGER, QuestionType.DECIMAL):
        try:
            return print_number(Decimal(value))
        except ArithmeticError:
            return value
    labels = {c.name: c.label for c in target.option_list}
    return text(labels[value]) if value in labels else value


def _single_condition(operator: str, question: str, label: SafeString) -> SafeString:
    values = {"question": question, "value": label}
    if operator == "selected":
        return _sentence(_("Answer only if “%(value)s” is ticked in %(question)s."), **values)
    if operator == "!=":
        return _sentence(
            _("Answer only if the answer to %(question)s is not “%(value)s”."), **values
        )
    return _sentence(_("Answer only if the answer to %(question)s is “%(value)s”."), **values)


def _printed_question(question, earlier: dict, text: PrintTexts) -> PrintedQuestion:
    printed = PrintedQuestion(
        code=question.code,
        type=question.type,
        text=text(question.text),
        help=text(question.help_text),
        lead_in=text(question.lead_in),
        required=question.required,
        condition=_condition(question, earlier, text),
        unit=text(question.unit),
        bounds=_bounds(question),
        standards=[
            _sentence(
                _("%(standard)s, %(provision)s"),
                standard=text(link.standard.short_name),
                provision=text.provision(link.provision),
            )
            if link.provision
            else text(link.standard.short_name)
            for link in question.standard_list
        ],
    )
    if question.type in FIXED_SCALES:
        printed.options = [text(labels) for labels in FIXED_SCALES[question.type].values()]
    else:
        printed.options = [text(choice.label) for choice in question.option_list]
        printed.rows = [text(row.label) for row in question.row_list]
    if question.other_specify:
        printed.other_specify = text(OTHER_SPECIFY)
    return printed


def running_label(version: QuestionnaireVersion) -> str:
    label = f"{version.questionnaire.code} · {_('Version %(number)s') % {'number': version.number}}"
    if version.status != VersionStatus.APPROVED:
        label += f" · {version.get_status_display()}"
    return label


def _printed_questionnaire(version: "VersionWithContent", language: str) -> dict:
    text = PrintTexts(language, version.original_language)
    earlier: dict = {}
    sections = []
    for section in version.section_list:
        questions = []
        for question in section.question_list:
            questions.append(_printed_question(question, earlier, text))
            earlier[question.code] = question
        sections.append(
            PrintedSection(
                code=section.code,
                title=text(section.title),
                intro=text(section.intro),
                questions=questions,
            )
        )
    return {
        "version": version,
        "standards_separator": _LIST_SEPARATORS.get(language, "; "),
        "language": language,
        "direction": language_direction(language),
        "title": text(version.title),
        "is_approved": version.status in (VersionStatus.APPROVED, VersionStatus.RETIRED),
        "approval_date": print_date(version.approval_date, language),
        "sections": sections,
        "running_label": running_label(version),
    }

"""A questionnaire version as plain data: the form shared by XLSForm files, the seeded questionnaires
(YAML) and the database. Export, import and seeding all go through it, so they cannot drift apart.

Texts are dicts keyed by the portal's language codes ("en", "fr", "es", "ru", "zh-hans", "ar").
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from portal.provisions import provision_problem
from surveys.questionnaires.conditions import JOINS, condition_dict, condition_parts

QUESTION_TYPES = (
    "yes_no",
    "yes_no_partly_dk",
    "single_choice",
    "multiple_choice",
    "integer",
    "decimal",
    "short_text",
    "long_text",
    "date",
    "file",
    "table",
)
PURPOSES = ("application", "difficulty", "assistance_need", "useful_practice", "context")
# Choice values of the two fixed scales; their labels come from FIXED_SCALES in surveys.questionnaires.scales.
CHOICE_TYPES = {"single_choice", "multiple_choice"}
NUMBER_TYPES = {"integer", "decimal"}


@dataclass
class ChoiceDoc:
    name: str
    label: dict[str, str]
    exclusive: bool = False  # "None of these": ticked alone or not at all


@dataclass
class ConditionDoc:
    """Show a question only when an earlier answer has a value.

    operator "=" / "!=" compares a single answer (yes/no, scale, single choice, number);
    "selected" is true when a multiple-choice answer includes `value`.
    Several conditions over the same question: `more` holds the parts after the first, (operator,
    value) each, and `join` says whether "any" (XLSForm's `or`) or "all" (`and`) must hold.
    """

    question: str
    operator: str
    value: str
    join: str = "all"
    more: tuple[tuple[str, str], ...] = ()

    @property
    def parts(self) -> list[tuple[str, str]]:
        return [(self.operator, self.value), *self.more]

    def as_dict(self) -> dict:
        """The stored form (surveys.questionnaires.conditions)."""
        return condition_dict(self.question, self.join, self.parts)

    @classmethod
    def from_dict(cls, data: dict) -> "ConditionDoc":
        join, parts = condition_parts(data)
        (operator, value), *more = parts
        return cls(str(data["question"]), operator, value, join, tuple(more))


@dataclass
class StandardRefDoc:
    standard: str  # the standard's code in the catalogue, e.g. "TOKYO"
    provision: str = ""  # e.g. "rule 2.3"


@dataclass
class QuestionDoc:
    code: str
    type: str
    text: dict[str, str]
    help: dict[str, str] = field(default_factory=dict)
    required: bool = False
    relevance: ConditionDoc | None = None
    minimum: str | None = None  # decimal as text, for number questions
    maximum: str | None = None
    unit: dict[str, str] = field(default_factory=dict)
    choices: list[ChoiceDoc] = field(default_factory=list)  # options, or a table's columns
    rows: list[ChoiceDoc] = field(default_factory=list)  # a table's rows
    other_specify: bool = False
    standards: list[StandardRefDoc] = field(default_factory=list)
    purpose: str = "application"
    gender_relevant: bool = False
    # The answers meaning its standards are applied (["no"] for a reverse-worded question): set,
    # the question is an indicator of application of each standard it asks about.
    applied_if: list[str] = field(default_factory=list)
    # The code of an earlier number question whose total this number is part of ("of these").
    part_of: str = ""
    # Kept for the XLSForm round trip: constraint_message in each language, and the appearance
    # beyond what the type says ("multiline" of a long text is the type's own).
    constraint_message: dict[str, str] = field(default_factory=dict)
    appearance: str = ""
    # A text shown before the question in each language: an XLSForm note mid-section.
    lead_in: dict[str, str] = field(default_factory=dict)


@dataclass
class SectionDoc:
    code: str
    title: dict[str, str]
    intro: dict[str, str] = field(default_factory=dict)
    questions: list[QuestionDoc] = field(default_factory=list)


@dataclass
class QuestionnaireDoc:
    form_id: str  # the questionnaire's code
    title: dict[str, str]
    version: str  # the version's label, e.g. "1"
    default_language: str  # the original language: texts fall back to it
    category: str  # "a".."d"
    clusters: list[str] = field(default_factory=list)  # "a".."e"
    standards: list[str] = field(default_factory=list)  # standard codes the questionnaire covers
    sections: list[SectionDoc] = field(default_factory=list)

    def questions(self):
        for section in self.sections:
            yield from section.questions


# --- Validation shared by every way a document arrives (XLSForm, YAML, the authoring pages) ----

LANGUAGE_CODES = ("en", "fr", "es", "ru", "zh-hans", "ar")
# ">", ">=", "<" and "<=" compare the answer to a number question with a number.
COMPARISONS = (">", ">=", "<", "<=")
OPERATORS = ("=", "!=", "selected", *COMPARISONS)
# How an operator is written for a reader: "A.2 ≠ Yes", "A.5 ≥ 10".
COMPARISON_SIGNS = {"=": "=", "!=": "≠", ">": ">", ">=": "≥", "<": "<", "<=": "≤"}
SINGLE_VALUE_TYPES = {"yes_no", "yes_no_partly_dk", "single_choice", "integer", "decimal"}
# What the database holds (surveys.models; a test keeps them in step): longer codes and names, or
# bounds beyond DecimalField(max_digits=20, decimal_places=6), are refused with their place
# rather than failing in the database.
MAX_FORM_ID = 60  # Questionnaire.code
MAX_CODE = 40  # Section.code, Question.code
MAX_CHOICE_NAME = 60  # Choice.name
MAX_PART_OF = 20  # Question.part_of
MAX_PROVISION = 100  # QuestionStandard.provision
MAX_APPEARANCE = 100  # Question.appearance
BOUND_DECIMALS = 6
BOUND_LIMIT = 10**14  # 20 digits, 6 of them decimals
FIXED_SCALE_VALUES = {
    "yes_no": ("yes", "no"),
    "yes_no_partly_dk": ("yes", "no", "partly", "dont_know"),
}


@dataclass
class Problem:
    """One thing wrong with a document, with where it is (a question code, or a path)."""

    where: str
    message: str

    def __str__(self):
        return f"{self.where}: {self.message}"


def document_problems(document: QuestionnaireDoc) -> list[Problem]:
    """Everything that would make `document` an unusable questionnaire version (in the active
    language: the import page, the editor and the command show these messages)."""
    problems: list[Problem] = []
    original = document.default_language
    if original not in LANGUAGE_CODES:
        problems.append(
            Problem("settings", _("unknown default language %(language)r") % {"language": original})
        )
    if not document.title.get(original):
        problems.append(
            Problem("settings", _("the form title is missing in the original language"))
        )
    if document.category not in ("a", "b", "c", "d"):
        problems.append(
            Problem(
                "settings", _("unknown category %(category)r") % {"category": document.category}
            )
        )
    seen: dict[str, QuestionDoc] = {}
    section_codes: set[str] = set()
    for section in document.sections:
        if section.code in section_codes or section.code in seen:
            problems.append(Problem(section.code, _("the code is used twice")))
        if len(section.code) > MAX_CODE:
            problems.append(Problem(section.code, _too_long(_("the code"), MAX_CODE)))
        section_codes.add(section.code)
        if not section.title.get(original):
            problems.append(
                Problem(section.code, _("the section has no title in the original language"))
            )
        for question in section.questions:
            problems.extend(_question_problems(question, seen, section_codes, original))
            seen[question.code] = question
    if not seen:
        problems.append(Problem("survey", _("the questionnaire has no question")))
    return problems


def _question_problems(question, earlier, section_codes, original) -> list[Problem]:
    code = question.code
    problems = []

    def problem(message):
        problems.append(Problem(code, message))

    if code in earlier or code in section_codes:
        problem(_("the code is used twice"))
    if question.type not in QUESTION_TYPES:
        problem(_("unknown question type %(type)r") % {"type": question.type})
    if question.purpose not in PURPOSES:
        problem(_("unknown purpose %(purpose)r") % {"purpose": question.purpose})
    if not question.text.get(original):
        problem(_("the question has no text in the original language"))
    if question.type in CHOICE_TYPES and not question.choices:
        problem(_("a choice question needs choices"))
    if question.type == "table" and not (question.rows and question.choices):
        problem(_("a table question needs rows and columns"))
    if question.other_specify and question.type not in CHOICE_TYPES:
        problem(_('"other, please specify" only goes with single or multiple choice'))
    names = [choice.name for choice in question.choices]
    if len(names) != len(set(names)):
        problem(_("two choices have the same name"))
    for bound in (question.minimum, question.maximum):
        if bound is not None and question.type not in NUMBER_TYPES:
            problem(_("bounds only go with integer or decimal questions"))
    problems.extend(Problem(code, m) for m in _length_problems(question))
    problems.extend(Problem(code, m) for m in _bound_problems(question))
    problems.extend(Problem(code, m) for m in _meaning_problems(question))
    problems.extend(Problem(code, m) for m in _part_of_problems(question, earlier))
    problems.extend(Problem(code, m) for m in _condition_problems(question.relevance, earlier))
    return problems


def _too_long(what: str, limit: int) -> str:
    return _("%(what)s is longer than the portal's %(limit)s characters") % {
        "what": what,
        "limit": limit,
    }


def _length_problems(question: QuestionDoc) -> list[str]:
    """Codes and names no longer than the database's columns."""
    found = []
    if len(question.code) > MAX_CODE:
        found.append(_too_long(_("the code"), MAX_CODE))
    for choice in [*question.choices, *question.rows]:
        if len(choice.name) > MAX_CHOICE_NAME:
            what = _("the choice name %(name)r") % {"name": choice.name}
            found.append(_too_long(what, MAX_CHOICE_NAME))
    if len(question.part_of) > MAX_PART_OF:
        found.append(_too_long("part_of", MAX_PART_OF))
    if len(question.appearance) > MAX_APPEARANCE:
        found.append(_too_long(_("the appearance"), MAX_APPEARANCE))
    for ref in question.standards:
        if len(ref.provision) > MAX_PROVISION:
            what = _("the provision of %(standard)s") % {"standard": ref.standard}
            found.append(_too_long(what, MAX_PROVISION))
        elif problem := provision_problem(ref.provision):
            found.append(f"{ref.standard}: {problem}")
    return found


def _bound_problems(question: QuestionDoc) -> list[str]:
    """Bounds the database can hold, the minimum not above the maximum."""
    found, values = [], []
    labels = {"minimum": _("the minimum"), "maximum": _("the maximum")}
    for label, bound in (("minimum", question.minimum), ("maximum", question.maximum)):
        if bound is None:
            continue
        named = {"bound": labels[label], "value": bound}
        try:
            value = Decimal(bound)
        except InvalidOperation:
            found.append(_("%(bound)s %(value)r is not a number") % named)
            continue
        exponent = value.as_tuple().exponent
        if not value.is_finite() or abs(value) >= BOUND_LIMIT:
            found.append(_("%(bound)s %(value)s is out of range (under 10^14 either way)") % named)
        elif isinstance(exponent, int) and exponent < -BOUND_DECIMALS:
            found.append(
                _("%(bound)s %(value)s has more than %(decimals)s decimals")
                % {**named, "decimals": BOUND_DECIMALS}
            )
        else:
            values.append(value)
    if not found and len(values) == 2 and values[0] > values[1]:
        found.append(
            _("the minimum %(minimum)s is above the maximum %(maximum)s")
            % {"minimum": question.minimum, "maximum": question.maximum}
        )
    return found


def _part_of_problems(question: QuestionDoc, earlier: dict) -> list[str]:
    """`part_of` names an earlier number question, and only a number question has it."""
    if not question.part_of:
        return []
    if question.type not in NUMBER_TYPES:
        return [_("part_of goes only with an integer or decimal question")]
    total = earlier.get(question.part_of)
    if total is None or total.type not in NUMBER_TYPES:
        return [
            _("part_of names %(code)r, not an earlier integer or decimal question")
            % {"code": question.part_of}
        ]
    return []


def _meaning_problems(question: QuestionDoc) -> list[str]:
    """What `applied_if` and the exclusive options say must fit the question."""
    if any(c.exclusive for c in question.choices) and question.type != "multiple_choice":
        return [_("only an option of a multiple-choice question can exclude the others")]
    if not question.applied_if:
        return []
    if question.purpose != "application" or not question.standards:
        return [_("applied_if goes only with an application question that names its standards")]
    allowed = FIXED_SCALE_VALUES.get(question.type) or (
        [c.name for c in question.choices] if question.type in CHOICE_TYPES else None
    )
    if allowed is None:
        return [_("applied_if goes only with a yes/no, scale or choice question")]
    unknown = [value for value in question.applied_if if value not in allowed]
    if unknown:
        return [
            _("applied_if names %(value)r, not a value of the question (%(values)s)")
            % {"value": unknown[0], "values": ", ".join(allowed)}
        ]
    return []


def _condition_problems(condition: ConditionDoc | None, earlier: dict) -> list[str]:
    if condition is None:
        return []
    target = earlier.get(condition.question)
    if target is None:
        return [
            _("the relevance condition names %(code)r, not an earlier question")
            % {"code": condition.question}
        ]
    if condition.join not in JOINS:
        return [
            _("unknown join %(join)r in the relevance condition (any or all)")
            % {"join": condition.join}
        ]
    for operator, value in condition.parts:
        problems = _part_problems(operator, value, target)
        if problems:
            return problems
    return []


def _is_number(value: str) -> bool:
    try:
        return Decimal(value).is_finite()
    except InvalidOperation:
        return False


def _part_problems(operator: str, value: str, target: "QuestionDoc") -> list[str]:
    if operator not in OPERATORS:
        return [
            _("unknown operator %(operator)r in the relevance condition") % {"operator": operator}
        ]
    named = {"code": target.code, "type": target.type}
    if operator in COMPARISONS:
        if target.type not in NUMBER_TYPES:
            return [
                _("%(operator)s compares numbers only; %(code)s is %(type)s")
                % {**named, "operator": operator}
            ]
        if not _is_number(value):
            return [_("%(value)r is not a number") % {"value": value}]
        return []
    if operator == "selected":
        if target.type != "multiple_choice":
            return [_("selected() needs a multiple-choice question; %(code)s is %(type)s") % named]
    elif target.type not in SINGLE_VALUE_TYPES:
        return [_("a condition cannot compare the answer to %(code)s (%(type)s)") % named]
    allowed = FIXED_SCALE_VALUES.get(target.type) or (
        [c.name for c in target.choices] if target.type in CHOICE_TYPES else None
    )
    if allowed is not None and value not in allowed:
        return [
            _("%(value)r is not a value of %(code)s (%(values)s)")
            % {"value": value, "code": target.code, "values": ", ".join(allowed)}
        ]
    return []


# --- Plain dicts (YAML) ---------------------------------------------------------------------------


def document_from_dict(data: dict) -> QuestionnaireDoc:
    """Build a document from the structure of a seeded questionnaire's YAML file."""
    sections = []
    for section in data.get("sections", []):
        questions = []
        for q in section.get("questions", []):
            relevance = q.get("relevance")
            questions.append(
                QuestionDoc(
                    code=str(q["code"]),
                    type=q["type"],
                    text=q["text"],
                    help=q.get("help") or {},
                    required=bool(q.get("required", False)),
                    relevance=ConditionDoc.from_dict(relevance) if relevance else None,
                    minimum=None if q.get("minimum") is None else str(q["minimum"]),
                    maximum=None if q.get("maximum") is None else str(q["maximum"]),
                    unit=q.get("unit") or {},
                    choices=[
                        ChoiceDoc(str(c["name"]), c["label"], bool(c.get("exclusive", False)))
                        for c in q.get("choices", [])
                    ],
                    rows=[ChoiceDoc(str(r["name"]), r["label"]) for r in q.get("rows", [])],
                    other_specify=bool(q.get("other_specify", False)),
                    standards=[
                        StandardRefDoc(s["standard"], s.get("provision", ""))
                        if isinstance(s, dict)
                        else StandardRefDoc(s)
                        for s in q.get("standards", [])
                    ],
                    purpose=q.get("purpose", "application"),
                    gender_relevant=bool(q.get("gender_relevant", False)),
                    applied_if=[str(value) for value in q.get("applied_if") or []],
                    part_of=str(q.get("part_of") or ""),
                    constraint_message=q.get("constraint_message") or {},
                    appearance=str(q.get("appearance") or ""),
                    lead_in=q.get("lead_in") or {},
                )
            )
        sections.append(
            SectionDoc(
                code=str(section["code"]),
                title=section["title"],
                intro=section.get("intro") or {},
                questions=questions,
            )
        )
    return QuestionnaireDoc(
        form_id=data["form_id"],
        title=data["title"],
        version=str(data.get("version", "1")),
        default_language=data.get("default_language", "en"),
        category=data["category"],
        clusters=list(data.get("clusters", [])),
        standards=list(data.get("standards", [])),
        sections=sections,
    )

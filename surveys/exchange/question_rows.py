"""Reading an XLSForm's survey rows (surveys.exchange.reader reads the workbook as a whole, through
surveys.exchange.sheets): one row into a question, its type, choices, conditions, bounds and
standards. Every problem names its sheet, row and column.
"""

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from pyxform import aliases
from pyxform.constants import SELECT_ALL_THAT_APPLY, SELECT_ONE
from pyxform.xls2json import RE_SELECT

from surveys.exchange.sheets import sheet_place
from surveys.exchange.xlsform import NAME_PATTERN
from surveys.questionnaires.documents import (
    FIXED_SCALE_VALUES,
    ChoiceDoc,
    ConditionDoc,
    QuestionDoc,
    StandardRefDoc,
)
from surveys.questionnaires.scales import FIXED_SCALES

TRUE_VALUES = {"yes", "true", "1", "true()"}
FALSE_VALUES = {"no", "false", "0", "false()", ""}


_CONDITION = re.compile(
    r"""^\s*(?:
        \$\{(?P<q1>[^}]+)\}\s*(?P<op>!=|>=|<=|=|>|<)\s*(?:'(?P<v1>[^']*)'|"(?P<v2>[^"]*)"|(?P<v3>-?\d+(?:\.\d+)?))
      | selected\(\s*\$\{(?P<q2>[^}]+)\}\s*,\s*(?:'(?P<v4>[^']*)'|"(?P<v5>[^"]*)")\s*\)
    )\s*$""",
    re.VERBOSE,
)
_BOUND = re.compile(r"^\.\s*(?P<op>>=|<=)\s*(?P<value>-?\d+(?:\.\d+)?)$")
_STANDARD = re.compile(r"^(?P<code>[A-Za-z0-9\-_]+)\s*(?:\((?P<provision>.*)\))?$")


def _own_appearance(question_type: str, appearance: str) -> str:
    """The appearance to keep: none when it only says what the type says (multiline text)."""
    if question_type == "table":
        return ""  # table-list, which makes it a table (a group's other appearances are reported)
    if question_type == "long_text" and appearance.strip().lower() == "multiline":
        return ""
    return appearance.strip()


def _scale_labels(scale: str, choices: list[ChoiceDoc]) -> bool:
    """Whether the labels of a list named like a fixed scale are the scale's own, in every language
    the form gives (an export of the portal's, or a form that just says Yes and No)."""
    return all(
        text.strip().casefold() == FIXED_SCALES[scale][choice.name].get(code, "").casefold()
        for choice in choices
        for code, text in choice.label.items()
    )


class ConditionRefused(ValueError):
    """A relevance the portal cannot keep, with the reason."""


# Quoted text, parentheses and the words joining conditions, in a relevance expression.
_CONDITION_TOKEN = re.compile(r"""'[^']*'|"[^"]*"|[()]|\s(?:and|or)\s""")


def _without_parentheses(text: str) -> str:
    """`text` without parentheses around the whole of it: "(${a} = 'x')" -> "${a} = 'x'"."""
    text = text.strip()
    while text.startswith("(") and text.endswith(")"):
        parts, _joins = _split_joined(text[1:-1])
        if parts is None:
            break
        text = text[1:-1].strip()
    return text


def _split_joined(text: str) -> tuple[list[str] | None, list[str]]:
    """The parts of `text` joined by `and` or `or` outside parentheses and quotes, and the joining
    words; (None, []) when the parentheses do not match."""
    parts, joins, depth, start = [], [], 0, 0
    for match in _CONDITION_TOKEN.finditer(text):
        piece = match.group()
        if piece == "(":
            depth += 1
        elif piece == ")":
            depth -= 1
            if depth < 0:
                return None, []
        elif piece[0] not in "'\"" and depth == 0:
            parts.append(text[start : match.start()])
            joins.append(piece.strip())
            start = match.end()
    if depth:
        return None, []
    parts.append(text[start:])
    return parts, joins


def _single_condition(text: str) -> ConditionDoc | None:
    match = _CONDITION.match(_without_parentheses(text))
    if not match:
        return None
    if match.group("q2"):
        value = match.group("v4") if match.group("v4") is not None else match.group("v5")
        return ConditionDoc(match.group("q2").strip(), "selected", value)
    value = next(match.group(g) for g in ("v1", "v2", "v3") if match.group(g) is not None)
    return ConditionDoc(match.group("q1").strip(), match.group("op"), value)


def parse_condition(text: str) -> ConditionDoc | None:
    """The condition of an XLSForm relevance: one comparison, or several over the same question
    joined by `or` (any holds) or by `and` (all hold). None when it is not one the portal reads;
    ConditionRefused when it joins conditions the portal cannot keep together."""
    parts, joins = _split_joined(_without_parentheses(text))
    if parts is None or not joins:
        return _single_condition(text)
    if len(set(joins)) > 1:
        raise ConditionRefused(
            _("it mixes `and` and `or`; the portal keeps conditions joined by one of them")
        )
    conditions = [_single_condition(part) for part in parts]
    if any(condition is None for condition in conditions):
        return None
    kept = [c for c in conditions if c is not None]
    questions = list(dict.fromkeys(c.question for c in kept))
    if len(questions) > 1:
        raise ConditionRefused(
            _(
                "it joins conditions on different questions (%(codes)s); the portal keeps `and` "
                "and `or` over one question only"
            )
            % {"codes": ", ".join(questions)}
        )
    first = kept[0]
    return ConditionDoc(
        first.question,
        first.operator,
        first.value,
        "any" if joins[0] == "or" else "all",
        tuple((c.operator, c.value) for c in kept[1:]),
    )


def parse_constraint(text: str) -> tuple[str | None, str | None] | None:
    minimum = maximum = None
    for part in re.split(r"\s+and\s+", text.strip()):
        match = _BOUND.match(part.strip())
        if not match:
            return None
        if match.group("op") == ">=":
            minimum = match.group("value")
        else:
            maximum = match.group("value")
    return minimum, maximum


class QuestionRowReader:
    """Reads survey rows into questions, collecting the errors and warnings of the file and where
    each question stands in it; the XLSForm reader (surveys.exchange.reader) builds on it."""

    def __init__(self, skip_unsupported):
        self.skip_unsupported = skip_unsupported
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.locations: dict[str, str] = {}  # question or section code -> its survey row

    def _unsupported(self, where, question_type):
        named = {"type": question_type}
        if self.skip_unsupported:
            self.warnings.append(
                f"{where}: "
                + _(
                    "questions of type %(type)r are not supported by the portal; the row was left out"
                )
                % named
            )
        else:
            self.errors.append(
                f"{where}: "
                + _("questions of type %(type)r are not supported by the portal") % named
            )

    def _valid_name(self, survey, number, name) -> bool:
        if not name:
            self.errors.append(f"{survey.where(number, 'name')}: " + _("the name is missing"))
            return False
        if not NAME_PATTERN.match(name):
            self.errors.append(
                f"{survey.where(number, 'name')}: "
                + _(
                    "%(name)r is not a valid name (a letter or _ first, then letters, digits, _, - or .)"
                )
                % {"name": name}
            )
            return False
        return True

    def _question(self, survey, number, cells, kind, lists, language) -> QuestionDoc | None:
        name = cells.get("name", "")
        if not self._valid_name(survey, number, name):
            return None
        if name in self.locations:
            self.errors.append(
                f"{survey.where(number, 'name')}: "
                + _("the name %(name)r is used twice") % {"name": name}
            )
            return None
        self.locations[name] = sheet_place("survey", number)
        typed = self._question_type(survey.where(number, "type"), cells, kind, lists)
        if typed is None:
            return None
        question_type, choices, other = typed
        required = self._yes_no(survey, number, cells, "required")
        relevance = self._relevance(survey, number, cells)
        minimum, maximum = self._bounds(survey, number, cells, question_type)
        purpose = cells.get("purpose", "application").lower()
        gender = self._yes_no(survey, number, cells, "gender")
        standards = self._standards(survey, number, cells)
        return QuestionDoc(
            code=name,
            type=question_type,
            text=survey.texts(cells, "label", language),
            help=survey.texts(cells, "hint", language),
            required=required,
            relevance=relevance,
            minimum=minimum,
            maximum=maximum,
            unit=survey.texts(cells, "unit", language),
            choices=choices,
            other_specify=other,
            standards=standards,
            purpose=purpose,
            gender_relevant=gender,
            applied_if=cells.get("applied_if", "").split(),
            part_of=cells.get("part_of", "").strip(),
            constraint_message=survey.texts(cells, "constraint_message", language),
            appearance=_own_appearance(question_type, cells.get("appearance", "")),
        )

    def _question_type(self, where, cells, kind, lists) -> tuple[str, list[ChoiceDoc], bool] | None:
        """(the portal's question type, its choices, "or other") of a survey row, or None."""
        raw_type = " ".join(cells.get("type", "").split())
        select = RE_SELECT.search(raw_type)
        if select:
            return self._select_type(where, select, lists)
        base = raw_type.split()[0].lower() if raw_type else ""
        if base in ("select_one", "select1", "select_multiple"):
            self.errors.append(
                f"{where}: " + _("%(type)s needs the name of a choice list") % {"type": base}
            )
            return None
        if kind == "table":
            return "table", [], False
        if base in ("integer", "int", "decimal", "date", "file"):
            return {"int": "integer"}.get(base, base), [], False
        if base in ("text", "string"):
            appearance = cells.get("appearance", "").lower()
            return ("long_text" if "multiline" in appearance else "short_text"), [], False
        self._unsupported(where, cells.get("type"))
        return None

    def _select_type(self, where, select, lists) -> tuple[str, list[ChoiceDoc], bool] | None:
        """A select row as pyxform reads it: select_one, select1, "select one", select_multiple,
        "select all that apply", with "or_other" ("or specify other")."""
        command, list_name = select.group("select_command"), select.group("list_name")
        multiple = aliases.select[command] == SELECT_ALL_THAT_APPLY
        if command in aliases.select_from_file or aliases.select[command] not in (
            SELECT_ONE,
            SELECT_ALL_THAT_APPLY,
        ):
            self._unsupported(where, command)
            return None
        other = bool(select.group("specify_other"))
        if list_name not in lists:
            self.errors.append(
                f"{where}: "
                + _("the choice list %(list)r is not on the choices sheet") % {"list": list_name}
            )
            return None
        choices = list(lists[list_name])
        values = tuple(c.name for c in choices)
        if multiple:
            return "multiple_choice", choices, other
        if values == FIXED_SCALE_VALUES.get(list_name) and _scale_labels(list_name, choices):
            return list_name, [], other
        # A list named yes_no with the form's own labels ("Yes, in law") keeps them.
        return "single_choice", choices, other

    def _yes_no(self, survey, number, cells, column) -> bool:
        text = cells.get(column, "").lower()
        if text not in TRUE_VALUES | FALSE_VALUES:
            self.errors.append(
                f"{survey.where(number, column)}: "
                + _("use yes or no, not %(value)r") % {"value": cells[column]}
            )
        return text in TRUE_VALUES

    def _relevance(self, survey, number, cells) -> ConditionDoc | None:
        if not cells.get("relevant"):
            return None
        try:
            relevance = parse_condition(cells["relevant"])
        except ConditionRefused as refused:
            self.errors.append(
                f"{survey.where(number, 'relevant')}: "
                + _("%(condition)r is not a condition the portal supports: %(reason)s")
                % {"condition": cells["relevant"], "reason": refused}
            )
            return None
        if relevance is None:
            self.errors.append(
                f"{survey.where(number, 'relevant')}: "
                + _(
                    "%(condition)r is not a condition the portal supports (${question} = 'value', "
                    "!= 'value', or selected(${question}, 'value'), several of them over one "
                    "question joined by `or` or by `and`)"
                )
                % {"condition": cells["relevant"]}
            )
        return relevance

    def _bounds(self, survey, number, cells, question_type) -> tuple[str | None, str | None]:
        if not cells.get("constraint"):
            return None, None
        bounds = parse_constraint(cells["constraint"])
        if bounds is None or question_type not in ("integer", "decimal"):
            self.errors.append(
                f"{survey.where(number, 'constraint')}: "
                + _(
                    "%(constraint)r is not a bound the portal supports (. >= min and . <= max, "
                    "on integer or decimal questions)"
                )
                % {"constraint": cells["constraint"]}
            )
            return None, None
        for bound in bounds:
            try:
                bound is None or Decimal(bound)
            except InvalidOperation:
                self.errors.append(
                    f"{survey.where(number, 'constraint')}: "
                    + _("%(value)r is not a number") % {"value": bound}
                )
        return bounds

    def _standards(self, survey, number, cells) -> list[StandardRefDoc]:
        standards = []
        for part in filter(None, (p.strip() for p in cells.get("standards", "").split(";"))):
            match = _STANDARD.match(part)
            if not match:
                self.errors.append(
                    f"{survey.where(number, 'standards')}: "
                    + _("%(value)r is not CODE or CODE (provision)") % {"value": part}
                )
                continue
            standards.append(
                StandardRefDoc(match.group("code"), (match.group("provision") or "").strip())
            )
        return standards

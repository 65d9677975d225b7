"""Reading an XLSForm workbook into a questionnaire document (the layout is in
surveys.exchange.xlsform).

Reading is defensive: the upload passes surveys.exchange.workbook_guards before anything parses it
(the file's size, the archive's entry count and uncompressed size, no DTD), and openpyxl parses XML
through defusedxml. The sheets are then read with pyxform's own functions (surveys.exchange.sheets),
so a workbook KoboToolbox or ODK accepts reads the same here; the portal maps the rows itself
(surveys.exchange.question_rows). Every problem is reported with its sheet, row and column, every
column or construct the portal does not keep is listed as a warning; nothing is saved while there
is an error.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from pyxform.constants import SUPPORTED_SHEET_NAMES
from pyxform.xls2json import RE_BEGIN_CONTROL, RE_END_CONTROL

from surveys.exchange.question_rows import FALSE_VALUES, TRUE_VALUES, QuestionRowReader
from surveys.exchange.sheets import Sheet, Workbook, sheet_place
from surveys.exchange.workbook_guards import check_archive
from surveys.exchange.xlsform import (
    KEPT_APPEARANCES,
    KEPT_COLUMNS,
    OTHER_NAME,
    PORTAL_SHEET,
    kept_column,
    parse_language,
)
from surveys.questionnaires.documents import (
    MAX_FORM_ID,
    ChoiceDoc,
    Problem,
    QuestionDoc,
    QuestionnaireDoc,
    SectionDoc,
    document_problems,
)

META_TYPES = {
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
    "username", "email", "audit", "start-geopoint", "background-audio",
}  # fmt: skip

SURVEY_HEADERS = ("type", "name")
CHOICES_HEADERS = ("list_name", "name")


@dataclass
class ReadResult:
    document: QuestionnaireDoc | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # where each question and section code stands in the file, e.g. "survey sheet, row 12"
    locations: dict[str, str] = field(default_factory=dict)

    def located(self, found: Problem) -> str:
        if found.where in ("survey", "settings"):
            return f"{sheet_place(found.where)}: {found.message}"
        where = self.locations.get(found.where)
        return f"{where} ({found.where}): {found.message}" if where else str(found)

    @property
    def ok(self) -> bool:
        return self.document is not None and not self.errors


def read_workbook(
    data: bytes, *, form_id: str | None = None, category: str | None = None,
    skip_unsupported: bool = False,
) -> ReadResult:  # fmt: skip
    """Read an XLSForm workbook into a document, or list everything wrong with it."""
    problem = check_archive(data, allow_xls=True)
    if problem:
        return ReadResult(None, [problem])
    errors: list[str] = []
    try:
        workbook = Workbook(data, errors)
    except Exception as error:  # noqa: BLE001 - any parse failure is the file's fault
        return ReadResult(
            None,
            [_("the workbook cannot be read (%(error)s)") % {"error": type(error).__name__}],
        )
    if errors:
        return ReadResult(None, errors)
    return _XLSFormReader(workbook, form_id, category, skip_unsupported).read()


@dataclass
class _SurveyPass:
    """One pass over the survey sheet: where its rows go, in which section and table."""

    sheet: Sheet
    lists: dict[str, list[ChoiceDoc]]
    document: QuestionnaireDoc
    stack: list[tuple[str, int]] = field(default_factory=list)  # open groups: (kind, row)
    repeat: int = 0  # depth inside a repeat, whose rows are not read
    section: SectionDoc | None = None
    table: QuestionDoc | None = None
    implicit: int = 0  # sections made for questions outside any group
    # Notes read since the last question, for the next question: their texts in each language,
    # and each note's row, name and condition.
    lead_in: dict[str, str] = field(default_factory=dict)
    notes: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.document.default_language

    @property
    def in_table(self) -> bool:
        return bool(self.stack) and self.stack[-1][0] == "table"


class _XLSFormReader(QuestionRowReader):
    """The workbook as a whole: its settings, choice lists and the survey's groups, sections and
    tables; each question's row is read by QuestionRowReader."""

    def __init__(self, workbook: Workbook, form_id, category, skip_unsupported):
        super().__init__(skip_unsupported)
        self.workbook = workbook
        self.form_id = form_id
        self.category = category

    def sheet(self, name, required=()) -> Sheet | None:
        sheet = self.workbook.sheet(name)
        if sheet is None or (sheet.empty and name != "survey"):
            return None  # an empty settings or choices sheet is no sheet, as for pyxform
        if sheet.empty:
            self.errors.append(
                f"{sheet_place(name)}: "
                + _("it is empty; it needs a header row (%(columns)s)")
                % {"columns": ", ".join(required)}
            )
        for column in required:
            if not sheet.empty and column not in sheet.letters:
                self.errors.append(
                    f"{sheet_place(name)}: "
                    + _("the column %(column)r is missing") % {"column": column}
                )
        return sheet

    def read(self) -> ReadResult:
        survey = self.sheet("survey", SURVEY_HEADERS)
        if survey is None:
            names = ", ".join(repr(n) for n in self.workbook.names)
            self.errors.append(
                _("the workbook has no 'survey' sheet (its sheets: %(names)s)") % {"names": names}
            )
        choices = self.sheet("choices", CHOICES_HEADERS)
        settings = self.sheet("settings")
        if survey is None or self.errors:
            return ReadResult(None, self.errors)

        document = self._settings(settings, survey)
        self._portal_titles(document)
        for sheet in filter(None, (survey, choices)):
            for column in sheet.unknown_languages("label") + sheet.unknown_languages("hint"):
                self.errors.append(
                    f"{sheet_place(sheet.name, None, column)}: " + _("unknown language")
                )
        lists = self._choice_lists(choices, document.default_language)
        self._survey(survey, lists, document)
        self._losses(survey, choices, settings)
        if not self.errors:
            for found in document_problems(document):
                self.errors.append(self._located(found))
        if self.errors:
            return ReadResult(None, self.errors, self.warnings, self.locations)
        return ReadResult(document, [], self.warnings, self.locations)

    def _located(self, found: Problem) -> str:
        return ReadResult(None, locations=self.locations).located(found)

    def _losses(self, *sheets: Sheet | None) -> None:
        """A warning for every column with values the portal does not keep, and every XLSForm
        sheet it does not read: nothing is dropped without a word."""
        for sheet in filter(None, sheets):
            for number, cells in sheet.rows if sheet.name == "survey" else ():
                # a question keeps its appearance; a group's is the table's or section's own
                appearance = cells.get("appearance", "")
                group = RE_BEGIN_CONTROL.match(" ".join(cells.get("type", "").split()).lower())
                if group and appearance.lower() not in KEPT_APPEARANCES:
                    self.warnings.append(
                        f"{sheet.where(number, 'appearance')}: "
                        + _("the appearance %(appearance)r is not kept by the portal")
                        % {"appearance": appearance}
                    )
            for column, count in sheet.used_columns().items():
                if not kept_column(sheet.name, column):
                    left_out = ngettext(
                        "not kept by the portal; its value in %(count)s row was left out",
                        "not kept by the portal; its values in %(count)s rows were left out",
                        count,
                    )
                    self.warnings.append(
                        f"{sheet.where(None, column)}: " + left_out % {"count": count}
                    )
        for name in self.workbook.names:
            if name in SUPPORTED_SHEET_NAMES and name not in KEPT_COLUMNS:
                self.warnings.append(
                    f"{sheet_place(name)}: " + _("not read by the portal; it was left out")
                )

    def _settings(self, settings: Sheet | None, survey: Sheet) -> QuestionnaireDoc:
        cells: dict[str, str] = {}
        number = None
        if settings is not None and settings.rows:
            number, cells = settings.rows[0]

        def where(column: str) -> str:
            if settings is None:
                return sheet_place("settings", None, column)
            return settings.where(number, column)

        default_language = "en"
        if cells.get("default_language"):
            default_language = parse_language(cells["default_language"]) or ""
            if not default_language:
                self.errors.append(
                    f"{where('default_language')}: "
                    + _("unknown language %(language)r") % {"language": cells["default_language"]}
                )
        elif "label" not in survey.headers and any(k.startswith("label::") for k in survey.headers):
            # No default language: the first language of the label columns is the original.
            first = next(k for k in survey.headers if k.startswith("label::"))
            default_language = parse_language(first.split("::", 1)[1]) or "en"
        title = settings.texts(cells, "form_title", default_language) if settings else {}
        form_id = self._form_id(cells, where)
        category = (cells.get("category") or self.category or "").lower()
        if not category:
            self.errors.append(
                f"{sheet_place('settings')}: "
                + _("category is missing (a, b, c or d; or choose one)")
            )
        split = [p.strip() for p in re.split(r"[;,]", cells.get("clusters", "")) if p.strip()]
        standards = [p.strip() for p in re.split(r"[;,]", cells.get("standards", "")) if p.strip()]
        if not title.get(default_language):
            title[default_language] = form_id or ""
        return QuestionnaireDoc(
            form_id=form_id or "",
            title=title,
            version=cells.get("version", "1"),
            default_language=default_language,
            category=category,
            clusters=[c.lower() for c in split],
            standards=standards,
        )

    def _form_id(self, cells: dict[str, str], where) -> str:
        form_id = cells.get("form_id") or self.form_id or ""
        place = where("form_id") if cells.get("form_id") else _("the questionnaire's code")
        if not form_id:
            self.errors.append(
                f"{sheet_place('settings')}: "
                + _("form_id is missing (or give the questionnaire's code)")
            )
        elif not re.fullmatch(r"[A-Za-z0-9_\-]+", form_id):
            self.errors.append(
                f"{place}: "
                + _("%(code)r may use only letters, digits, - and _") % {"code": form_id}
            )
        elif len(form_id) > MAX_FORM_ID:
            self.errors.append(
                f"{place}: "
                + _("%(code)r is longer than the portal's %(limit)s characters")
                % {"code": form_id, "limit": MAX_FORM_ID}
            )
        return form_id

    def _portal_titles(self, document: QuestionnaireDoc) -> None:
        """The title in every language, from the portal's own sheet (surveys.exchange.writer)."""
        portal = self.sheet(PORTAL_SHEET, ())
        if portal is not None and portal.rows:
            titles = portal.texts(portal.rows[0][1], "form_title", document.default_language)
            document.title.update({code: text for code, text in titles.items() if text})

    def _choice_lists(self, choices, language) -> dict[str, list[ChoiceDoc]]:
        lists: dict[str, list[ChoiceDoc]] = {}
        if choices is None:
            return lists
        for number, cells in choices.rows:
            list_name, name = cells.get("list_name"), cells.get("name")
            if not list_name:
                self.errors.append(
                    f"{choices.where(number, 'list_name')}: " + _("the list name is missing")
                )
                continue
            if not name:
                self.errors.append(
                    f"{choices.where(number, 'name')}: " + _("the choice's name is missing")
                )
                continue
            items = lists.setdefault(list_name, [])
            if any(item.name == name for item in items):
                self.errors.append(
                    f"{choices.where(number, 'name')}: "
                    + _("%(name)r appears twice in the list %(list)r")
                    % {"name": name, "list": list_name}
                )
                continue
            label = choices.texts(cells, "label", language)
            if not label:
                self.errors.append(
                    f"{choices.where(number, 'label')}: "
                    + _("the choice %(name)r has no label") % {"name": name}
                )
            exclusive = cells.get("exclusive", "").lower()
            if exclusive not in TRUE_VALUES | FALSE_VALUES:
                self.errors.append(
                    f"{choices.where(number, 'exclusive')}: "
                    + _("use yes or no, not %(value)r") % {"value": cells["exclusive"]}
                )
            items.append(ChoiceDoc(name, label, exclusive in TRUE_VALUES))
        return lists

    def _survey(self, survey, lists, document) -> None:
        walk = _SurveyPass(survey, lists, document)
        for number, cells in survey.rows:
            self._survey_row(walk, number, cells)
        self._notes_left_out(walk)
        for _kind, opened in walk.stack:
            self.errors.append(
                f"{survey.where(opened, 'type')}: "
                + _("this group is never closed with 'end group'")
            )

    def _survey_row(self, walk: _SurveyPass, number: int, cells: dict[str, str]) -> None:
        raw_type = cells.get("type", "")
        kind = " ".join(raw_type.split()).lower()
        begin, end = RE_BEGIN_CONTROL.match(kind), RE_END_CONTROL.match(kind)
        control = (begin or end).group("type") if (begin or end) else ""
        name = cells.get("name", "")
        where = walk.sheet.where(number, "type")
        if walk.repeat:
            # The rows of a repeat are not read: the repeat itself was refused.
            walk.repeat += 1 if begin else -1 if end else 0
        elif not raw_type:
            if name:
                self.errors.append(
                    f"{where}: " + _("the row %(name)r has no type") % {"name": name}
                )
        elif begin and control == "group":
            self._begin_group(walk, number, cells)
        elif end and control == "group":
            self._end_group(walk, where, number)
        elif begin or end:
            if end:
                self.errors.append(
                    f"{where}: " + _("%(type)r without its begin") % {"type": raw_type}
                )
                return
            walk.repeat = 1
            self.errors.append(
                f"{where}: "
                + _(
                    "the repeat %(name)r (%(type)r) is not supported by the portal, whose "
                    "questions are answered once; the file is refused rather than asking the "
                    "repeat's questions once"
                )
                % {"name": name, "type": raw_type}
            )
        elif kind == "note" and not walk.in_table:
            self._note(walk, number, cells)
        elif kind in META_TYPES:
            self.warnings.append(
                f"{where}: "
                + _("%(type)r is collected automatically by other tools; skipped")
                % {"type": raw_type}
            )
        elif walk.in_table:
            self._table_row(walk.sheet, number, cells, walk.table, walk.lists, walk.language)
        else:
            question = self._question(walk.sheet, number, cells, kind, walk.lists, walk.language)
            if question and not self._other_detail(walk, question):
                self._current_section(walk, number).questions.append(question)
                self._lead_in(walk, question, cells)

    def _note(self, walk: _SurveyPass, number: int, cells: dict[str, str]) -> None:
        """A note (display text) opening a section becomes the section's introduction, in each
        language; a note anywhere else is the text shown before the question that follows it."""
        section, texts = walk.section, walk.sheet.texts(cells, "label", walk.language)
        if not texts:
            return
        target = (
            section.intro
            if section is not None and walk.stack and not section.questions
            else walk.lead_in
        )
        for code, text in texts.items():
            target[code] = f"{target[code]}\n\n{text}" if target.get(code) else text
        if target is walk.lead_in:
            walk.notes.append((number, cells.get("name", ""), cells.get("relevant", "")))

    def _lead_in(self, walk: _SurveyPass, question: QuestionDoc, cells: dict[str, str]) -> None:
        """The notes read since the last question become the text shown before `question`, under
        its condition: a note's own, different condition is reported as not kept."""
        if not walk.notes:
            return
        question.lead_in = dict(walk.lead_in)
        for number, name, relevant in walk.notes:
            if relevant and relevant.strip() != cells.get("relevant", "").strip():
                self.warnings.append(
                    f"{walk.sheet.where(number, 'relevant')}: "
                    + _(
                        "the note %(name)r is shown before %(code)s, when %(code)s is; its own "
                        "condition %(condition)r was not kept"
                    )
                    % {"name": name, "code": question.code, "condition": relevant}
                )
        walk.lead_in, walk.notes = {}, []

    def _notes_left_out(self, walk: _SurveyPass) -> None:
        """Notes with no question after them in their section: listed as left out."""
        for number, name, _relevant in walk.notes:
            self.warnings.append(
                f"{walk.sheet.where(number, 'type')}: "
                + _("the note %(name)r was left out: no question follows it in its section")
                % {"name": name}
            )
        walk.lead_in, walk.notes = {}, []

    def _other_detail(self, walk: _SurveyPass, question: QuestionDoc) -> bool:
        """Whether `question` is the text asking which "other" was meant, right after a choice
        question whose last option is "other" (as the portal exports "other, please specify", and
        as pyxform writes or_other): then the choice question gets "other, please specify"."""
        section = walk.section
        before = section.questions[-1] if section and section.questions else None
        relevance = question.relevance
        if (
            before is None
            or question.type != "short_text"
            or question.code != f"{before.code}_{OTHER_NAME}"
            or not before.choices
            or before.choices[-1].name != OTHER_NAME
            or before.type not in ("single_choice", "multiple_choice")
            or relevance is None
            or relevance.more
            or (relevance.question, relevance.value) != (before.code, OTHER_NAME)
        ):
            return False
        before.choices = before.choices[:-1]
        before.other_specify = True
        self.locations.pop(question.code, None)
        return True

    def _current_section(self, walk: _SurveyPass, number: int) -> SectionDoc:
        if walk.section is None:
            walk.implicit += 1
            walk.section = SectionDoc(code=f"S{walk.implicit}", title=dict(walk.document.title))
            walk.document.sections.append(walk.section)
            self.locations.setdefault(walk.section.code, walk.sheet.where(number, "type"))
        return walk.section

    def _begin_group(self, walk: _SurveyPass, number: int, cells: dict[str, str]) -> None:
        survey, name = walk.sheet, cells.get("name", "")
        if "table-list" in cells.get("appearance", "").lower():
            walk.table = self._question(survey, number, cells, "table", walk.lists, walk.language)
            if walk.table:
                self._current_section(walk, number).questions.append(walk.table)
                self._lead_in(walk, walk.table, cells)
            walk.stack.append(("table", number))
        elif walk.section is None or not walk.stack:
            self._notes_left_out(walk)  # notes before this section, after the last question
            if not self._valid_name(survey, number, name):
                name = name or f"S{number}"
            walk.section = SectionDoc(
                code=name,
                title=survey.texts(cells, "label", walk.language) or {walk.language: name},
                intro=survey.texts(cells, "hint", walk.language),
            )
            walk.document.sections.append(walk.section)
            self.locations[name] = survey.where(number, "name")
            walk.stack.append(("section", number))
        else:
            # A group inside a section: its questions stay in the section.
            self.warnings.append(
                f"{survey.where(number, 'type')}: "
                + _("the nested group %(name)r was merged into its section") % {"name": name}
            )
            walk.stack.append(("flat", number))

    def _end_group(self, walk: _SurveyPass, where: str, number: int) -> None:
        if not walk.stack:
            self.errors.append(f"{where}: " + _("'end group' without a 'begin group'"))
            return
        closing, opened = walk.stack.pop()
        if closing == "table":
            if walk.table is not None and not walk.table.rows:
                self.errors.append(
                    f"{where}: " + _("the table %(code)r has no rows") % {"code": walk.table.code}
                )
            walk.table = None
        elif closing == "section":
            self._notes_left_out(walk)
            if walk.section is not None and not walk.section.questions:
                self.errors.append(
                    f"{walk.sheet.where(opened, 'name')}: "
                    + _(
                        "the section %(code)r (rows %(first)s to %(last)s) has no question the "
                        "portal keeps; an empty section is refused (other tools refuse a group "
                        "with no children)"
                    )
                    % {"code": walk.section.code, "first": opened, "last": number}
                )
            walk.section = None

    def _table_row(self, survey, number, cells, table, lists, language):
        kind = cells.get("type", "").split()
        if table is None:
            return
        if len(kind) < 2 or kind[0] not in ("select_one", "select1") or kind[1] not in lists:
            self.errors.append(
                f"{survey.where(number, 'type')}: "
                + _("a row of the table %(code)r must be select_one of a list on the choices sheet")
                % {"code": table.code}
            )
            return
        columns = lists[kind[1]]
        if table.choices and table.choices != columns:
            self.errors.append(
                f"{survey.where(number, 'type')}: "
                + _("every row of the table %(code)r must use the same list") % {"code": table.code}
            )
            return
        table.choices = list(columns)
        name = cells.get("name", "")
        prefix = table.code + "."
        row_name = name[len(prefix) :] if name.startswith(prefix) else name
        if not row_name:
            self.errors.append(f"{survey.where(number, 'name')}: " + _("the table row has no name"))
            return
        table.rows.append(ChoiceDoc(row_name, survey.texts(cells, "label", language)))
        # A table row is its label: whatever else its row says is reported, not dropped.
        for column in cells:
            if column.split("::", 1)[0] not in ("type", "name", "label"):
                self.warnings.append(
                    f"{survey.where(number, column)}: "
                    + _("not kept for a row of the table %(code)r (a table row has only its label)")
                    % {"code": table.code}
                )

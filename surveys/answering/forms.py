"""The answering form: one section of a reply, one field per question, drawn by the portal's own
templates (surveys/answering/_questions.html; see surveys.answering.fields).

The fields only carry what the browser sends; surveys.answering.services.answer_clean decides what a
value means and says what is wrong with it, so the form never refuses a value on its own (a
draft may be incomplete: nothing is `required` here, the completeness check comes at submission).

Field names follow static/js/relevance.js: "answer-<code>" for the answer (a table sends one
"answer-<code>-<row>" per row), "other-<code>" for "other, please specify" and "base-<code>" for
the revision the person started from.
"""

from dataclasses import dataclass, field
from typing import TypedDict, cast

from django import forms
from django.http import QueryDict
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import override

from portal.localformats import number_text
from surveys.answering.fields import FieldView, field_view
from surveys.answering.rendering import QuestionnaireText, question_options
from surveys.answering.services import OTHER
from surveys.models import Answer, Question, ReviewComment
from surveys.questionnaires.conditions import condition_for_browser
from surveys.questionnaires.documents import FIXED_SCALE_VALUES, NUMBER_TYPES
from surveys.questionnaires.scales import OTHER_SPECIFY


def _number_text(value) -> str:
    """A bound as the reader's language writes numbers: "5,000,000" in English, "5 000 000" in French."""
    return "" if value is None else number_text(value.normalize())


class LenientChoiceField(forms.ChoiceField):
    """A choice the service checks (with a message naming the question), not the form."""

    def valid_value(self, value):
        return True


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    def valid_value(self, value):
        return True


class TableWidget(forms.Widget):
    """One radio group per row, one column per answer: "answer-<code>-<row>" = column name."""

    template_name = "surveys/answering/widgets/table.html"
    use_fieldset = True

    def __init__(self, *, rows, columns, attrs=None):
        super().__init__(attrs)
        self.rows, self.columns = rows, columns

    def value_from_datadict(self, data, files, name):
        return {
            row: data.get(f"{name}-{row}") for row, _label in self.rows if data.get(f"{name}-{row}")
        }

    def value_omitted_from_data(self, data, files, name):
        return False

    def id_for_label(self, id_):
        return ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        value = value if isinstance(value, dict) else {}
        base_id = context["widget"]["attrs"].get("id", name)
        disabled = context["widget"]["attrs"].get("disabled", False)
        context["widget"]["table"] = [
            {
                "label": label,
                "id": f"{base_id}-{row}",
                "cells": [
                    {
                        "name": f"{name}-{row}",
                        "value": column,
                        "label": column_label,
                        "id": f"{base_id}-{row}-{index}",
                        "checked": value.get(row) == column,
                    }
                    for index, (column, column_label) in enumerate(self.columns)
                ],
            }
            for row, label in self.rows
        ]
        context["widget"]["columns"] = self.columns
        context["widget"]["disabled"] = disabled
        context["widget"]["invalid"] = context["widget"]["attrs"].get("aria-invalid")
        return context


class TableField(forms.Field):
    widget = TableWidget

    def __init__(self, *, rows, columns, **kwargs):
        super().__init__(widget=TableWidget(rows=rows, columns=columns), **kwargs)

    def to_python(self, value):
        return value if isinstance(value, dict) else {}


def _bounds_text(question: Question) -> str:
    minimum, maximum = _number_text(question.minimum), _number_text(question.maximum)
    if minimum and maximum:
        return _("Between %(minimum)s and %(maximum)s.") % {"minimum": minimum, "maximum": maximum}
    if minimum:
        return _("At least %(minimum)s.") % {"minimum": minimum}
    if maximum:
        return _("At most %(maximum)s.") % {"maximum": maximum}
    return _("A whole number.") if question.type == "integer" else _("A number.")


def question_label(question: Question, text: QuestionnaireText) -> str:
    required = (
        format_html(' <span class="answer-required">{}</span>', _("required"))
        if question.required
        else ""
    )
    return format_html(
        '<bdi class="answer-question__code" dir="ltr">{}</bdi> '
        '<span class="answer-question__text">{}</span>{}',
        question.code,
        text(question.text),
        required,
    )


class _FieldOptions(TypedDict):
    label: str
    required: bool
    help_text: str


def question_field(question: Question, text: QuestionnaireText) -> forms.Field | None:
    """The form field for a question (None for a file question: files live in Attachments)."""
    kind = question.type
    help_text = text(question.help_text)
    label = question_label(question, text)
    if kind in NUMBER_TYPES:
        bounds = _bounds_text(question)
        help_text = format_html("{} {}", help_text, bounds) if help_text else bounds
    options: _FieldOptions = {
        "label": label,
        "required": False,
        "help_text": format_html("{}", help_text) if help_text else "",
    }
    if kind in FIXED_SCALE_VALUES or kind == "single_choice":
        return LenientChoiceField(
            choices=question_options(question, text), widget=forms.RadioSelect, **options
        )
    if kind == "multiple_choice":
        # The answers that exclude the others, for static/js/exclusive.js to untick the rest.
        alone = [c.name for c in question.option_list if c.exclusive]
        attrs = {"data-exclusive": " ".join(alone)} if alone else {}
        return LenientMultipleChoiceField(
            choices=question_options(question, text),
            widget=forms.CheckboxSelectMultiple(attrs=attrs),
            **options,
        )
    if kind in NUMBER_TYPES:
        mode = "numeric" if kind == "integer" else "decimal"
        widget = forms.TextInput(attrs={"inputmode": mode, "class": "answer-number"})
        return forms.CharField(widget=widget, strip=True, **options)
    if kind == "short_text":
        return forms.CharField(widget=forms.TextInput(attrs={"maxlength": 500}), **options)
    if kind == "long_text":
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), strip=False, **options)
    if kind == "date":
        widget = forms.DateInput(attrs={"type": "date", "class": "answer-date"}, format="%Y-%m-%d")
        return forms.CharField(widget=widget, **options)
    if kind == "table":
        rows = [(r.name, text(r.label)) for r in question.row_list]
        return TableField(rows=rows, columns=question_options(question, text), **options)
    return None


@dataclass
class Conflict:
    """Someone else saved this answer since the person loaded it."""

    answer: Answer
    display: str
    who: str

    @property
    def revision(self) -> int:
        return self.answer.revision


@dataclass
class QuestionEntry:
    """What a question's block on the page needs besides its field."""

    question: Question
    shown: bool = True
    base: int = 0
    autosave_url: str = ""
    attachments_url: str = ""
    conflict: Conflict | None = None
    changed_by: str = ""  # the last saver, when it was someone else
    changed_at: object = None
    saved_at: object = None
    carried_date: object = None  # carried over from the reply of that date, not confirmed yet
    lead_in: str = ""  # the text shown before the question, in the page's language
    # The Secretariat's notes beside the question (add_review_notes in the answering views).
    review_comments: list[ReviewComment] = field(default_factory=list)
    corrections: list[dict[str, object]] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.question.code

    @property
    def name(self) -> str:
        return f"answer-{self.code}"

    @property
    def other_name(self) -> str:
        return f"other-{self.code}" if self.question.other_specify else ""

    @property
    def base_name(self) -> str:
        return f"base-{self.code}"

    @property
    def is_file(self) -> bool:
        return self.question.type == "file"

    @property
    def params(self) -> str:
        """The names an autosave of this question sends (hx-params)."""
        names = [self.name, self.base_name]
        if self.question.type == "table":
            names += [f"{self.name}-{row.name}" for row in self.question.row_list]
        if self.other_name:
            names.append(self.other_name)
        return ",".join(names)

    condition: dict = field(default_factory=dict)


@dataclass
class QuestionBlock:
    """A question with its field, "other, please specify", the revision it was loaded at, and the
    place where autosave reports (saved, refused, someone else's value)."""

    entry: QuestionEntry
    field: FieldView | None = None
    other: FieldView | None = None
    label: str = ""  # a file question's, which has no field
    other_option_id: str = ""


class SectionAnswersForm(forms.Form):
    """The answers to one section's questions (or to one question, for an autosave).

    A page as loaded (an unbound form) builds a question's fields only when its block is drawn:
    most blocks come from the cache (block_cache.py), which needs the initial values, not the
    fields. Anything that asks for `fields` gets them all; a posted form has them all at once."""

    _bound_fields_cache: dict[str, forms.BoundField]  # Django's, set by BaseForm.__init__

    def __init__(
        self, data=None, *, questions: list[Question], answers: dict[int, Answer],
        text: QuestionnaireText, language: str, read_only: bool = False,
    ):  # fmt: skip
        self._unbuilt: dict[str, QuestionEntry] = {}  # by field name: fields not built yet
        super().__init__(data)
        self.text, self.language, self.read_only = text, language, read_only
        self.questions = questions
        self.entries: dict[str, QuestionEntry] = {}
        for question in questions:
            answer = answers.get(question.pk)
            entry = QuestionEntry(
                question=question,
                base=answer.revision if answer else 0,
                condition=condition_for_browser(question.relevance),
                lead_in=text(question.lead_in) if question.lead_in else "",
            )
            self.entries[question.code] = entry
            if entry.is_file:
                continue
            self._unbuilt[entry.name] = entry
            self.initial[entry.name] = _initial(question, answer)
            if entry.other_name:
                self._unbuilt[entry.other_name] = entry
                self.initial[entry.other_name] = answer.other_text if answer else ""
        if self.is_bound:
            self._build_all()

    @property
    def fields(self) -> dict[str, forms.Field]:
        self._build_all()
        return self._fields

    @fields.setter
    def fields(self, value: dict[str, forms.Field]) -> None:
        self._fields = value

    def __getitem__(self, name: str) -> forms.BoundField:
        if name in self._unbuilt:
            self._build(self._unbuilt[name])
        if name not in self._fields:
            raise KeyError(f"No field {name!r} in the section's form.")
        if name not in self._bound_fields_cache:
            self._bound_fields_cache[name] = self._fields[name].get_bound_field(self, name)
        return self._bound_fields_cache[name]

    def _build_all(self) -> None:
        if not self._unbuilt:
            return
        while self._unbuilt:  # an entry is there under its field's name and its "other"'s
            self._build(next(iter(self._unbuilt.values())))
        # In the questions' order, whichever were built first.
        order = [n for e in self.entries.values() for n in (e.name, e.other_name) if n]
        self._fields = {name: self._fields[name] for name in order if name in self._fields}

    def _build(self, entry: QuestionEntry) -> None:
        """The fields of `entry`'s question, in the form's language (the page may be drawn in
        another: the questionnaire's language is chosen apart from the portal's)."""
        self._unbuilt.pop(entry.name, None)
        self._unbuilt.pop(entry.other_name, None)
        with override(self.language):
            form_field = question_field(entry.question, self.text)
            if form_field is None:
                return
            form_field.disabled = self.read_only
            self._fields[entry.name] = form_field
            if entry.other_name:
                label = self.text(OTHER_SPECIFY)
                self._fields[entry.other_name] = forms.CharField(
                    label=format_html("{} — {}", label, _("details")),
                    required=False,
                    disabled=self.read_only,
                    widget=forms.TextInput(attrs={"maxlength": 500}),
                )

    def has_field(self, entry: QuestionEntry) -> bool:
        if entry.name in self._unbuilt:
            self._build(entry)
        return entry.name in self._fields

    def blocks(self) -> list[QuestionBlock]:
        """What surveys/answering/_question.html shows of each question, in order."""
        return [self.block(entry) for entry in self.entries.values()]

    def block(self, entry: QuestionEntry) -> QuestionBlock:
        question = entry.question
        block = QuestionBlock(entry=entry, other_option_id=self.other_option_id(entry))
        if entry.is_file:
            block.label = question_label(question, self.text)
        else:
            unit = self.text(question.unit) if question.type in NUMBER_TYPES else ""
            inline = question.type in FIXED_SCALE_VALUES
            block.field = field_view(self[entry.name], inline=inline, unit=unit)
        if entry.other_name:
            block.other = field_view(self[entry.other_name])
        return block

    def other_option_id(self, entry: QuestionEntry) -> str:
        """The id of the "other" radio or checkbox, which shows the box for the details."""
        if not entry.other_name or not self.has_field(entry):
            return ""
        # The field's choices are the question's options (question_field).
        names = [value for value, _label in question_options(entry.question, self.text)]
        return f"{self[entry.name].auto_id}_{names.index(OTHER)}"

    def submitted(self, question: Question) -> tuple[object, str, int | None]:
        """The value, "other" text and base revision the browser sent for `question`."""
        entry = self.entries[question.code]
        value = self[entry.name].data if self.has_field(entry) else None
        other = self.data.get(entry.other_name, "") if entry.other_name else ""
        try:
            base = int(self.data.get(entry.base_name, ""))
        except ValueError:
            base = None
        return value, other, base

    def show_value(self, question: Question, answer: Answer | None) -> None:
        """Put the stored answer in the form's data (after "take theirs", or an untouched field
        that someone else changed), so the page shows what is saved."""
        entry = self.entries[question.code]
        # Called on a posted form only, whose data is a copy of request.POST (a QueryDict).
        self.data = data = cast(QueryDict, self.data).copy()
        value = answer.value if answer else None
        if question.type == "table":
            for row in question.row_list:
                data.setlist(f"{entry.name}-{row.name}", [])
            for row, column in (value or {}).items():
                data[f"{entry.name}-{row}"] = column
        elif isinstance(value, list):
            data.setlist(entry.name, value)
        else:
            data.setlist(entry.name, [] if value is None else [str(value)])
        if entry.other_name:
            data[entry.other_name] = answer.other_text if answer else ""
        entry.base = answer.revision if answer else 0


def _initial(question: Question, answer: Answer | None):
    if answer is None or answer.value is None:
        return {} if question.type == "table" else None
    return answer.value

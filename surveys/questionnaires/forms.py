"""Forms of the authoring pages. They turn what an administrator types into documents
(surveys.questionnaires.documents) that the authoring services check and save; no saving happens here."""

import json
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from clusters.models import Category
from portal.multilingual import MultilingualTextFormField, language_direction
from portal.provisions import FORM_EXAMPLES, parse_provision
from surveys.exchange.xlsform import NAME_PATTERN
from surveys.models import Purpose, Question, Questionnaire, QuestionnaireVersion, QuestionType
from surveys.questionnaires.choice_lines import choice_lines, parse_choice_lines
from surveys.questionnaires.condition_choices import (
    NUMBER_PLACEHOLDER,
    combined_choice,
    condition_key,
    relevance_choices,
)
from surveys.questionnaires.documents import (
    CHOICE_TYPES,
    NUMBER_TYPES,
    ConditionDoc,
    QuestionDoc,
    StandardRefDoc,
)
from surveys.questionnaires.services import choices_with_labels

CODE_HELP = _("Letters, digits, dots, hyphens or _, starting with a letter, e.g. A.3.2.")


def _language_attrs(language: str) -> dict[str, str]:
    return {"lang": language, "dir": language_direction(language)}


def _language_name(language: str) -> str:
    return str(dict(settings.LANGUAGES)[language])


def _code_field(**kwargs) -> forms.CharField:
    return forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=CODE_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "dir": "ltr"}),
        **kwargs,
    )


def _check_code(code: str, taken: set[str]) -> str:
    code = code.strip()
    if not NAME_PATTERN.match(code):
        raise ValidationError(
            _("%(code)s is not a valid code. %(help)s"), params={"code": code, "help": CODE_HELP}
        )
    if code in taken:
        raise ValidationError(
            _("%(code)s is already used in this version; codes must be unique."),
            params={"code": code},
        )
    return code


class QuestionnaireCreateForm(forms.Form):
    code = forms.SlugField(
        label=_("Questionnaire code"),
        max_length=60,
        help_text=_("A short identifier, e.g. prisons-2026. It is the XLSForm form_id."),
    )
    title = MultilingualTextFormField(label=_("Title"), required_languages=())
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.all())
    original_language = forms.ChoiceField(
        label=_("Original language"),
        choices=settings.LANGUAGES,
        initial="en",
        help_text=_("The language the questionnaire is written in; translations fall back to it."),
    )

    def clean_code(self):
        code = self.cleaned_data["code"]
        if Questionnaire.objects.filter(code=code).exists():
            raise ValidationError(_("A questionnaire with this code already exists."))
        return code

    def clean(self):
        data = super().clean()
        language = data.get("original_language")
        if language and "title" in data and not data["title"].get(language):
            self.add_error(
                "title",
                _("Give the title in the original language (%(language)s).")
                % {"language": _language_name(language)},
            )
        return data


class VersionDetailsForm(forms.Form):
    title = MultilingualTextFormField(label=_("Title"), required_languages=())
    change_log = forms.CharField(
        label=_("Change log"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What changed from the version it is based on."),
    )

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        self.fields["title"].required_languages = (version.original_language,)
        self.fields["title"].required = True


def _text_field(*, label, version, multilingual, multiline=False, required=True, help_text=""):
    """A text in every language (multilingual) or in the version's original language only."""
    language = version.original_language
    if multilingual:
        return MultilingualTextFormField(
            label=label,
            multiline=multiline,
            required=required,
            required_languages=(language,),
            help_text=help_text,
        )
    widget = forms.Textarea(attrs={"rows": 2}) if multiline else forms.TextInput()
    widget.attrs.update(_language_attrs(language))
    return forms.CharField(
        label=label, required=required, widget=widget, help_text=help_text, strip=True
    )


class _TextsMixin:
    """Reads and writes the multilingual fields whichever way they are shown."""

    multilingual: bool
    version: QuestionnaireVersion  # set by each form's __init__
    cleaned_data: dict[str, Any]  # the form's, once validated

    def _initial_text(self, texts: dict) -> object:
        texts = texts or {}
        return texts if self.multilingual else texts.get(self.version.original_language, "")

    def _texts(self, name: str, existing: dict | None) -> dict[str, str]:
        value = self.cleaned_data.get(name)
        if self.multilingual:
            return value or {}
        # One language typed: keep the other languages' translations.
        texts = {k: v for k, v in (existing or {}).items() if k != self.version.original_language}
        if value:
            texts[self.version.original_language] = value
        return texts


class SectionForm(_TextsMixin, forms.Form):
    code = _code_field()

    def __init__(
        self, *args, version, taken_codes: set[str], section=None, multilingual=False, **kwargs
    ):
        self.version, self.section, self.multilingual = version, section, multilingual
        self.taken_codes = taken_codes
        initial = kwargs.setdefault("initial", {})
        if section is not None:
            initial.setdefault("code", section.code)
            initial.setdefault("title", self._initial_text(section.title))
            initial.setdefault("intro", self._initial_text(section.intro))
        super().__init__(*args, **kwargs)
        language = _language_name(version.original_language)
        self.fields["title"] = _text_field(
            label=_("Section title")
            if multilingual
            else _("Section title (%(language)s)") % {"language": language},
            version=version,
            multilingual=multilingual,
        )
        self.fields["intro"] = _text_field(
            label=_("Introduction")
            if multilingual
            else _("Introduction (%(language)s)") % {"language": language},
            version=version,
            multilingual=multilingual,
            multiline=True,
            required=False,
            help_text=_("Optional: a sentence or two shown under the section title."),
        )

    def clean_code(self):
        return _check_code(self.cleaned_data["code"], self.taken_codes)

    def values(self) -> dict:
        existing = self.section
        return {
            "code": self.cleaned_data["code"],
            "title": self._texts("title", existing and existing.title),
            "intro": self._texts("intro", existing and existing.intro),
        }


class QuestionForm(_TextsMixin, forms.Form):
    code = _code_field()
    type = forms.ChoiceField(label=_("Type of answer"), choices=QuestionType.choices)
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    purpose = forms.ChoiceField(
        label=_("Analytical purpose"),
        choices=Purpose.choices,
        initial=Purpose.APPLICATION,
        help_text=_("What the reports use the answer for."),
    )
    gender_relevant = forms.BooleanField(
        label=_("Relevant to the gender perspective"), required=False
    )
    relevance = forms.ChoiceField(
        label=_("Shown only when"),
        required=False,
        help_text=_(
            "Pick an earlier answer. Leave “Always shown” for a question everyone answers."
        ),
    )
    relevance_number = forms.DecimalField(
        label=_("Number for the condition"),
        required=False,
        max_digits=20,
        decimal_places=6,
        help_text=_("Only for a condition on a number question."),
    )
    minimum = forms.DecimalField(
        label=_("Minimum"), required=False, max_digits=20, decimal_places=6
    )
    maximum = forms.DecimalField(
        label=_("Maximum"), required=False, max_digits=20, decimal_places=6
    )
    choices = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
        help_text=_(
            "One per line: value | label, e.g. “probation | Probation”, the label in the original "
            "language (other languages on the Translations page). Keep a value once replies exist."
        ),
    )
    other_specify = forms.BooleanField(label=_("Add “Other, please specify”"), required=False)
    rows = forms.CharField(
        label=_("Table rows"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text=_("One per line: value | label."),
    )
    columns = forms.CharField(
        label=_("Table columns"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text=_("One per line: value | label, e.g. “fully | Applied fully”."),
    )

    def __init__(
        self, *args, version, earlier: list[Question], taken_codes: set[str],
        question: Question | None = None, multilingual: bool = False, **kwargs,
    ):  # fmt: skip
        self.version, self.question, self.multilingual = version, question, multilingual
        self.taken_codes = taken_codes
        self.earlier = {q.code: q for q in earlier}
        language = version.original_language
        initial = kwargs.setdefault("initial", {})
        if question is not None:
            initial.update(
                code=question.code, type=question.type, required=question.required,
                purpose=question.purpose, gender_relevant=question.gender_relevant,
                minimum=question.minimum, maximum=question.maximum,
                other_specify=question.other_specify,
                text=self._initial_text(question.text),
                help_text=self._initial_text(question.help_text),
                lead_in=self._initial_text(question.lead_in),
                unit=self._initial_text(question.unit),
            )  # fmt: skip
            if question.type == "table":
                initial["columns"] = choice_lines(question.option_list, language)
                initial["rows"] = choice_lines(question.row_list, language)
            else:
                initial["choices"] = choice_lines(question.option_list, language)
            condition = question.relevance
            combined = self._combined_choice(question)
            if combined:
                initial["relevance"] = combined[0]
            elif condition:
                target = self.earlier.get(condition["question"])
                if target is not None and target.type in NUMBER_TYPES:
                    initial["relevance"] = condition_key(
                        condition["question"], condition["operator"], NUMBER_PLACEHOLDER
                    )
                    initial["relevance_number"] = condition["value"]
                else:
                    initial["relevance"] = condition_key(
                        condition["question"], condition["operator"], condition["value"]
                    )
        super().__init__(*args, **kwargs)
        self._add_text_fields(version, multilingual)
        for typed in ("choices", "rows", "columns"):  # labels typed in the original language
            self.fields[typed].widget.attrs.update(_language_attrs(language))
        # self.fields holds copies of the fields declared above: "relevance" is a ChoiceField.
        relevance = cast(forms.ChoiceField, self.fields["relevance"])
        relevance.choices = relevance_choices(earlier, original_language=language)
        kept = self._combined_choice(question)
        if kept:  # a condition of several parts (from an XLSForm) is offered as it is, to keep
            relevance.choices = [*relevance.choices, (_("As set"), [kept])]
        self.order_fields(
            ["code", "type", "lead_in", "text", "help_text", "required", "purpose",
             "gender_relevant", "relevance", "relevance_number", "minimum", "maximum", "unit", "choices",
             "other_specify", "rows", "columns"]
        )  # fmt: skip

    def _add_text_fields(self, version, multilingual: bool) -> None:
        """The question's texts: in the original language, or in each language (multilingual)."""
        language = version.original_language
        name = _language_name(language)

        def label(plain, with_language):
            return plain if multilingual else with_language % {"language": name}

        self.fields["text"] = _text_field(
            label=label(_("Question"), _("Question (%(language)s)")),
            version=version, multilingual=multilingual, multiline=True,
        )  # fmt: skip
        self.fields["help_text"] = _text_field(
            label=label(_("Help text"), _("Help text (%(language)s)")),
            version=version, multilingual=multilingual, multiline=True, required=False,
            help_text=_("Optional: explains the question, shown under it."),
        )  # fmt: skip
        self.fields["lead_in"] = _text_field(
            label=label(
                _("Text before the question"), _("Text before the question (%(language)s)")
            ),
            version=version, multilingual=multilingual, multiline=True, required=False,
            help_text=_(
                "Optional: a note shown above the question, e.g. “The next questions are about "
                "women in custody.” (an XLSForm note)."
            ),
        )  # fmt: skip
        self.fields["unit"] = _text_field(
            label=label(_("Unit"), _("Unit (%(language)s)")),
            version=version, multilingual=multilingual, required=False,
            help_text=_("E.g. persons, %, days."),
        )  # fmt: skip

    def clean_code(self):
        return _check_code(self.cleaned_data["code"], self.taken_codes)

    def clean_choices(self):
        return parse_choice_lines(self.cleaned_data["choices"])

    def clean_rows(self):
        return parse_choice_lines(self.cleaned_data["rows"])

    def clean_columns(self):
        return parse_choice_lines(self.cleaned_data["columns"])

    def _combined_choice(self, question: Question | None) -> tuple[str, str] | None:
        condition = question.relevance if question is not None else None
        return combined_choice(
            condition,
            self.earlier.get((condition or {}).get("question", "")),
            original_language=self.version.original_language,
        )

    def clean_relevance(self):
        key = self.cleaned_data["relevance"]
        if not key:
            return None
        loaded = json.loads(key)
        if isinstance(loaded, dict):  # a condition of several parts, kept as it is
            return ConditionDoc.from_dict(loaded)
        question, operator, value = loaded
        return ConditionDoc(question, operator, value)

    def clean(self):
        data = super().clean()
        kind = data.get("type")
        self._clean_lists(data, kind)
        self._clean_bounds(data, kind)
        self._clean_relevance(data)
        return data

    def _clean_lists(self, data, kind) -> None:
        """Choices, rows and columns where the type needs them, "other" only with choices."""
        if kind in CHOICE_TYPES and "choices" in data and not data["choices"]:
            self.add_error("choices", _("A choice question needs at least one choice."))
        if kind == "table":
            for name in ("rows", "columns"):
                if name in data and not data[name]:
                    self.add_error(name, _("A table needs rows and columns."))
        if data.get("other_specify") and kind not in CHOICE_TYPES:
            self.add_error(
                "other_specify",
                _("“Other, please specify” only goes with single or multiple choice."),
            )

    def _clean_bounds(self, data, kind) -> None:
        if kind not in NUMBER_TYPES:
            for name in ("minimum", "maximum"):
                if data.get(name) is not None:
                    self.add_error(name, _("Bounds only go with whole or decimal numbers."))
        low, high = data.get("minimum"), data.get("maximum")
        if low is not None and high is not None and low > high:
            self.add_error("maximum", _("The maximum is smaller than the minimum."))
        if kind == "integer":
            for name in ("minimum", "maximum"):
                value = data.get(name)
                if value is not None and value != value.to_integral_value():
                    self.add_error(name, _("A whole-number question needs whole-number bounds."))

    def _clean_relevance(self, data) -> None:
        """The number a condition on a number question compares with; an earlier question."""
        condition = data.get("relevance")
        if condition is None:
            return
        if condition.value == NUMBER_PLACEHOLDER:
            number = data.get("relevance_number")
            if number is None:
                self.add_error(
                    "relevance_number",
                    _("Give the number that %(code)s is compared with.")
                    % {"code": condition.question},
                )
            else:
                condition.value = f"{number.normalize():f}"
        if condition.question not in self.earlier:
            self.add_error("relevance", _("Pick one of the earlier questions."))

    def to_document(self, standards: list[StandardRefDoc]) -> QuestionDoc:
        data = self.cleaned_data
        kind = data["type"]
        question = self.question
        language = self.version.original_language
        options = question.option_list if question else []
        rows = question.row_list if question else []
        if kind == "table":
            choices = choices_with_labels(data["columns"], language=language, existing=options)
            row_docs = choices_with_labels(data["rows"], language=language, existing=rows)
        elif kind in CHOICE_TYPES:
            choices = choices_with_labels(data["choices"], language=language, existing=options)
            row_docs = []
        else:
            choices, row_docs = [], []
        # The editor does not yet show these: an edit keeps what the version's file said.
        exclusive = {c.name for c in options if c.exclusive}
        for choice in choices:
            choice.exclusive = kind == "multiple_choice" and choice.name in exclusive
        applied_if = list(question.applied_if) if question and kind == question.type else []

        def number(value):
            return None if value is None or kind not in NUMBER_TYPES else f"{value.normalize():f}"

        return QuestionDoc(
            code=data["code"],
            type=kind,
            text=self._texts("text", question.text if question else None),
            help=self._texts("help_text", question.help_text if question else None),
            required=data["required"],
            relevance=data.get("relevance"),
            minimum=number(data.get("minimum")),
            maximum=number(data.get("maximum")),
            unit=self._texts("unit", question.unit if question else None),
            choices=choices,
            rows=row_docs,
            other_specify=bool(data["other_specify"]) and kind in CHOICE_TYPES,
            standards=standards,
            purpose=data["purpose"],
            gender_relevant=data["gender_relevant"],
            applied_if=applied_if if data["purpose"] == Purpose.APPLICATION else [],
            part_of=question.part_of if question and kind in NUMBER_TYPES else "",
            constraint_message=question.constraint_message if question else {},
            appearance=question.appearance if question and kind == question.type else "",
            lead_in=self._texts("lead_in", question.lead_in if question else None),
        )


class StandardLinkForm(forms.Form):
    standard = forms.ChoiceField(label=_("Standard"), required=False)
    provision = forms.CharField(
        label=_("Provision"),
        required=False,
        max_length=100,
        help_text=_("E.g. rule 2.3"),
    )

    def __init__(self, *args, standard_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standard"].choices = [("", "—"), *standard_choices]
        self.fields["standard"].widget.attrs["class"] = "form-select"
        self.fields["provision"].widget.attrs.update(
            {"class": "form-control", "placeholder": _("e.g. rule 2.3")}
        )

    def clean_provision(self):
        provision = self.cleaned_data["provision"].strip()
        if parse_provision(provision) is None:
            raise ValidationError(
                _(
                    "“%(provision)s” cannot be written in every language. Write it in English in "
                    "one of these forms: %(examples)s."
                )
                % {"provision": provision, "examples": FORM_EXAMPLES}
            )
        return provision

    def clean(self):
        data = super().clean()
        if data.get("provision") and not data.get("standard"):
            self.add_error("standard", _("Pick the standard this provision belongs to."))
        return data


class BaseStandardLinkFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            key = (form.cleaned_data.get("standard"), form.cleaned_data.get("provision", ""))
            if key[0] and key in seen:
                raise ValidationError(_("The same standard and provision are listed twice."))
            seen.add(key)

    def references(self) -> list[StandardRefDoc]:
        return [
            StandardRefDoc(form.cleaned_data["standard"], form.cleaned_data.get("provision", ""))
            for form in self.forms
            if form.cleaned_data.get("standard")
        ]


StandardLinkFormSet = forms.formset_factory(
    StandardLinkForm, formset=BaseStandardLinkFormSet, extra=2, max_num=30
)


class NewDraftForm(forms.Form):
    change_log = forms.CharField(
        label=_("What will change"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Recorded in the new version's change log."),
    )


class TranslationForm(forms.Form):
    """One field per translatable text of a version (surveys.questionnaires.services.version_texts),
    in `language`."""

    def __init__(self, *args, items, language: str, editable: bool, **kwargs):
        super().__init__(*args, **kwargs)
        for item in items:
            attrs = {
                **_language_attrs(language),
                "class": "form-control",
                "aria-describedby": f"source-{item.key}",
            }
            widget: forms.Widget
            if item.multiline:
                widget = forms.Textarea(attrs={**attrs, "rows": 2})
            else:
                widget = forms.TextInput(attrs=attrs)
            if not editable:
                widget.attrs["readonly"] = True
            self.fields[item.key] = forms.CharField(
                label=item.key,
                required=False,
                widget=widget,
                initial=item.in_language(language),
                max_length=5000,
            )

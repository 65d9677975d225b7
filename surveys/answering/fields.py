"""The answering form's fields as plain data for one template (surveys/answering/_field.html).

crispy-forms drew each field through a cascade of templates (field, label, widget, options, attrs,
help, errors), more than half of a section page's time. Here each field is described once in
Python and drawn by a single template with the same HTML as crispy-forms' bootstrap5 pack: the
same ids, names, classes, aria attributes, error and help markup, which static/js (autosave,
relevance, exclusive) and the browser tests rely on.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def html_attrs(attrs: dict) -> SafeString:
    """The attributes in order, as Django's widgets write them: bare when True, left out when False."""
    written = [
        format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
        for name, value in attrs.items()
        if value is not False and value is not None
    ]
    return mark_safe("".join(written))  # noqa: S308 - each part escaped by format_html


@dataclass
class Option:
    value: str
    label: "StrOrPromise"
    id: str
    attrs: SafeString


@dataclass
class FieldView:
    """What _field.html draws for one field."""

    kind: str  # "choice" (radios, check boxes), "input", "textarea" or "widget" (its own template)
    id: str
    name: str
    label: "StrOrPromise"
    help_text: "StrOrPromise"
    errors: Sequence[object]
    described_by: str = ""  # on the fieldset of a choice or a table
    input_type: str = ""
    attrs: SafeString = SafeString("")  # of the input or text area
    value: object = None
    options: list[Option] = field(default_factory=list)
    inline: bool = False  # yes/no scales: options on one line
    unit: str = ""  # after a number, in the same box
    html: str = ""  # a widget drawn by its own template (a table), inside a fieldset


def _control_attrs(bound: forms.BoundField, invalid: bool) -> dict:
    """A text input's own attributes with the classes crispy-forms adds, then Django's."""
    widget = bound.field.widget
    own = dict(widget.attrs)
    kind = type(widget).__name__.lower()
    css = own.get("class", "")
    css = (css if kind in css else f"{css} {kind}") if css else kind
    own["class"] = f"{css} form-control" + (" is-invalid" if invalid else "")
    return {**own, **bound.build_widget_attrs({}), "id": bound.auto_id}


def field_view(bound: forms.BoundField, *, inline: bool = False, unit: str = "") -> FieldView:
    widget = bound.field.widget
    errors = list(bound.errors)
    view = FieldView(
        kind="input", id=bound.auto_id, name=bound.html_name, label=bound.label,
        help_text=bound.help_text, errors=errors, inline=inline, unit=unit,
    )  # fmt: skip
    if isinstance(widget, forms.RadioSelect):  # check boxes too (a subclass)
        view.kind, view.input_type = "choice", widget.input_type
        view.described_by = bound.aria_describedby or ""
        given = {**widget.attrs, **bound.build_widget_attrs({"id": bound.auto_id})}
        selected = set(widget.format_value(bound.value()))
        # The fields' choices are flat (value, label) pairs (surveys.answering.forms.question_field).
        choices = cast("list[tuple[object, StrOrPromise]]", widget.choices)
        for index, (value, label) in enumerate(choices):
            option_id = f"{bound.auto_id}_{index}"
            attrs = {**given, "id": option_id}
            if str(value) in selected:
                attrs["checked"] = True
            view.options.append(Option(str(value), label, option_id, html_attrs(attrs)))
    elif widget.use_fieldset:  # surveys.answering.forms.TableWidget
        view.kind = "widget"
        view.described_by = bound.aria_describedby or ""
        view.html = bound.as_widget()
    else:
        view.kind = "textarea" if isinstance(widget, forms.Textarea) else "input"
        view.input_type = getattr(widget, "input_type", "")
        view.attrs = html_attrs(_control_attrs(bound, bool(errors)))
        view.value = widget.format_value(bound.value())
    return view

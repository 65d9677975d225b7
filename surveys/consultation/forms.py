"""The forms of the consultation and approval pages."""

from collections import Counter
from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import RegionalGroup, Respondent, RespondentType
from portal.multilingual import MultilingualTextFormField, language_code, sort_key, texts_given
from surveys.models import Resolution


class ConsultationOpenForm(forms.Form):
    """Whom to invite: whole respondent types, whole regional groups, and single respondents."""

    respondent_types = forms.TypedMultipleChoiceField(
        label=_("Every respondent of these types"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    regional_groups = forms.MultipleChoiceField(
        label=_("Every Member State of these regional groups"),
        choices=RegionalGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    respondents = forms.TypedMultipleChoiceField(
        label=_("These respondents"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    note = MultilingualTextFormField(
        label=_("Note to the invited"),
        multiline=True,
        required=False,
        help_text=_(
            "Sent with the invitation and shown on the comment page, in each contact person's "
            "language where you give it."
        ),
    )
    deadline = forms.DateField(
        label=_("Comments due by"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, respondents: list[Respondent], types: list[RespondentType], **kwargs):
        super().__init__(*args, **kwargs)
        language = language_code()
        self._respondents = {r.pk: r for r in respondents}
        # Listed as a document of the United Nations lists them, in the reader's language.
        ordered = sorted(respondents, key=lambda r: sort_key(r.list_name(language), language))
        # self.fields holds copies of the choice fields declared above.
        choice_fields = {
            name: cast(forms.ChoiceField, self.fields[name])
            for name in ("respondents", "respondent_types", "regional_groups")
        }
        choice_fields["respondents"].choices = [(r.pk, r.list_name(language)) for r in ordered]
        # Each group says how many it invites, so a click's reach is plain before circulating.
        by_type = Counter(r.type_id for r in respondents)
        by_group = Counter(r.regional_group for r in respondents)
        choice_fields["respondent_types"].choices = [
            (t.pk, f"{t} ({by_type[t.pk]})") for t in types if by_type[t.pk]
        ]
        choice_fields["regional_groups"].choices = [
            (value, f"{label} ({by_group[value]})") for value, label in RegionalGroup.choices
        ]

    def clean(self):
        data = super().clean()
        type_ids = set(data.get("respondent_types") or ())
        groups = set(data.get("regional_groups") or ())
        chosen = set(data.get("respondents") or ())
        invited = [
            r
            for pk, r in self._respondents.items()
            if pk in chosen or r.type_id in type_ids or r.regional_group in groups
        ]
        if not invited and not self.errors:
            raise forms.ValidationError(_("Choose at least one respondent to invite."))
        data["invited"] = invited
        return data


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10_000
    )


class ResolveForm(forms.Form):
    resolution = forms.ChoiceField(
        choices=[
            (Resolution.TAKEN_INTO_ACCOUNT, Resolution.TAKEN_INTO_ACCOUNT.label),
            (Resolution.NOT_TAKEN_INTO_ACCOUNT, Resolution.NOT_TAKEN_INTO_ACCOUNT.label),
        ]
    )
    note = MultilingualTextFormField(
        label=_("Note"),
        multiline=True,
        required=False,
        help_text=_(
            "Required when the comment is not taken into account. The respondent reads it in "
            "its contact persons' language where you give it."
        ),
    )

    def clean(self):
        data = super().clean()
        if data.get("resolution") == Resolution.NOT_TAKEN_INTO_ACCOUNT and not texts_given(
            data.get("note")
        ):
            self.add_error("note", _("Say why the comment is not taken into account."))
        return data


class CloseForm(forms.Form):
    change_log = forms.CharField(
        label=_("Change log of the revised draft"),
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        help_text=_(
            "What the revised draft changes, and why. Prefilled with the comments taken into account."
        ),
    )


class ApproveForm(forms.Form):
    meeting = forms.CharField(
        label=_("Approving meeting"),
        max_length=300,
        help_text=_(
            "E.g. intersessional meeting of the Commission on Crime Prevention and Criminal Justice."
        ),
    )
    date = forms.DateField(
        label=_("Date of approval"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    decision = forms.CharField(
        label=_("Decision reference"),
        max_length=200,
        required=False,
        help_text=_("E.g. the decision or report paragraph that records the approval."),
    )

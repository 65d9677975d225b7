"""The forms of the cycle pages and of contact-person invitations."""

from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Respondent, RespondentType
from portal.multilingual import (
    MultilingualTextFormField,
    in_language,
    language_code,
    sort_key,
)
from surveys.models import QuestionnaireVersion, SituationList, VersionStatus

DATE_INPUT = {"type": "date"}


def _date_widget(**attrs):
    return forms.DateInput(attrs={**DATE_INPUT, **attrs}, format="%Y-%m-%d")


class VersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, version):
        title = in_language(version.title, fallback=version.original_language)
        return _("%(code)s · %(title)s · version %(number)s") % {
            "code": version.questionnaire.code,
            "title": title,
            "number": version.number,
        }


class CycleForm(forms.Form):
    """A new cycle: which approved version, when, for which session, and whom to invite.

    Every Member State is ticked to begin with; other respondents are listed by type to be added.
    """

    version = VersionChoiceField(
        label=_("Questionnaire version"),
        queryset=QuestionnaireVersion.objects.none(),
        empty_label=_("Choose an approved version"),
        help_text=_("Only approved versions can be sent out."),
    )
    title = MultilingualTextFormField(
        label=_("Title of the cycle"),
        help_text=_(
            "E.g. Category (a) questionnaire, 2027 reporting cycle. Contact persons read it in "
            "their language: give every language you can; English is required."
        ),
    )
    opens_on = forms.DateField(label=_("Opening date"), widget=_date_widget())
    deadline = forms.DateField(label=_("Deadline"), widget=_date_widget())
    commission_session = MultilingualTextFormField(
        label=_("Commission session"),
        help_text=_(
            "The session of the Commission whose report the replies feed, e.g. thirty-sixth session (2027)."
        ),
    )
    respondents = forms.TypedMultipleChoiceField(
        label=_("Invited respondents"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )

    override_reason = forms.CharField(
        label=_("Why open the cycle with texts missing"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Only if the questionnaire is incomplete in a language its contact persons read. "
            "The reason is recorded with the cycle."
        ),
    )

    def __init__(self, *args, respondents: list[Respondent], types: list[RespondentType], **kw):
        super().__init__(*args, **kw)
        # self.fields holds copies of the fields declared above: their classes are known.
        version_field = cast(forms.ModelChoiceField, self.fields["version"])
        version_field.queryset = QuestionnaireVersion.objects.filter(
            status=VersionStatus.APPROVED
        ).select_related("questionnaire")
        language = language_code()
        ordered = sorted(respondents, key=lambda r: sort_key(r.list_name(language), language))
        self._respondents = {r.pk: r for r in ordered}
        cast(forms.ChoiceField, self.fields["respondents"]).choices = [
            (r.pk, r.list_name(language)) for r in ordered
        ]
        self._types = types
        if not self.is_bound:
            self.initial.setdefault("opens_on", timezone.localdate())
            member_state = {t.pk for t in types if t.code == RespondentType.MEMBER_STATE}
            self.initial.setdefault(
                "respondents", [r.pk for r in ordered if r.type_id in member_state]
            )

    def respondent_groups(self):
        """The respondent checkboxes by type, in the order of the types: [(type, boxes, ticked)]."""
        by_type = {t.pk: [] for t in self._types}
        for box in self["respondents"]:
            by_type[self._respondents[int(box.data["value"])].type_id].append(box)
        groups = []
        for respondent_type in self._types:
            boxes = by_type[respondent_type.pk]
            if boxes:
                ticked = sum(1 for box in boxes if box.data["selected"])
                groups.append((respondent_type, boxes, ticked))
        return groups

    def clean(self):
        data = super().clean()
        opens_on, deadline = data.get("opens_on"), data.get("deadline")
        if opens_on and deadline and deadline < opens_on:
            self.add_error("deadline", _("The deadline cannot come before the opening date."))
        elif deadline and deadline < timezone.localdate():
            self.add_error("deadline", _("The deadline has already passed."))
        invited = [self._respondents[pk] for pk in data.get("respondents") or ()]
        if "respondents" in data and not invited:
            self.add_error("respondents", _("Invite at least one respondent."))
        data["invited"] = invited
        return data


class ExtensionForm(forms.Form):
    deadline = forms.DateField(label=_("New deadline"), widget=_date_widget())


class StateChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, respondent):
        return respondent.list_name()


class SituationListForm(forms.ModelForm):
    """The States of a cycle in post-conflict or peacekeeping situations, the source and its date."""

    states = StateChoiceField(
        label=_("States in post-conflict or peacekeeping situations"),
        queryset=Respondent.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = SituationList
        fields = ["source", "as_of", "states"]
        widgets = {"as_of": _date_widget(), "source": forms.TextInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        states = Respondent.objects.filter(type__code=RespondentType.MEMBER_STATE, is_active=True)
        field = cast(forms.ModelMultipleChoiceField, self.fields["states"])
        field.queryset = states
        field.choices = sorted(
            ((state.pk, state.list_name()) for state in states), key=lambda c: sort_key(c[1])
        )
        self.fields["as_of"].error_messages["invalid"] = _("Enter the date as YYYY-MM-DD.")

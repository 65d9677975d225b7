"""The forms of the technical-assistance pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from portal.development import GROUPS
from portal.models import RegionalGroup, Respondent
from portal.multilingual import MultilingualTextFormField, in_language, language_code, sort_key
from surveys.assistance.outcomes import OutcomeFacts, outcome_problems
from surveys.assistance.services import allowed_statuses
from surveys.models import OutcomeRating, Priority, RequestStatus, Theme, ThemeKind


def _cluster_label(cluster: Cluster) -> str:
    return f"({cluster.letter}) {in_language(cluster.title)}"


class AssistanceFilterForm(forms.Form):
    """The list's filters (GET); the status is chosen by the tabs above the list."""

    status = forms.ChoiceField(choices=[("", ""), *RequestStatus.choices], required=False)
    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=Cluster.objects.all(),
        required=False,
        empty_label=_("All clusters"),
        to_field_name="letter",
    )
    area = forms.ModelChoiceField(
        label=_("Area"),
        queryset=Theme.objects.filter(kind=ThemeKind.ASSISTANCE_AREA),
        required=False,
        empty_label=_("All areas"),
    )
    region = forms.ChoiceField(
        label=_("Regional group"),
        choices=[("", _("All groups")), *RegionalGroup.choices],
        required=False,
    )
    respondent = forms.ModelChoiceField(
        label=_("Respondent"),
        queryset=Respondent.objects.filter(assistance_requests__isnull=False).distinct(),
        required=False,
        to_field_name="code",
    )
    priority = forms.TypedChoiceField(
        label=_("Priority"),
        choices=[("", _("Any priority")), *Priority.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    group = forms.ChoiceField(
        label=_("Development status or situation"),
        choices=[("", _("All")), *GROUPS.items()],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].label_from_instance = _cluster_label
        language = language_code()
        respondents = sorted(
            self.fields["respondent"].queryset,
            key=lambda r: sort_key(r.list_name(language), language),
        )
        self.fields["respondent"].choices = [
            ("", _("All respondents")),
            *[(r.code, r.list_name(language)) for r in respondents],
        ]
        for name in ("cluster", "area", "region", "respondent", "priority", "group"):
            self.fields[name].widget.attrs["class"] = "form-select form-select-sm"


class AssistanceUpdateForm(forms.Form):
    """Change a request's status, priority or area, with a note."""

    status = forms.ChoiceField(label=_("Status"), required=False)
    priority = forms.TypedChoiceField(label=_("Priority"), choices=Priority.choices, coerce=int)
    area = forms.ModelChoiceField(
        label=_("Area"),
        queryset=Theme.objects.none(),
        required=False,
        empty_label=_("Not set"),
        help_text=_("The kind of technical assistance, from the codebook."),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to decline a request."),
    )

    def __init__(self, *args, request, areas, **kwargs):
        kwargs.setdefault(
            "initial",
            {"status": "", "priority": request.priority, "area": request.area_id},
        )
        super().__init__(*args, **kwargs)
        current = RequestStatus(request.status)
        self.fields["status"].choices = [
            ("", _("Keep: %(status)s") % {"status": current.label}),
            # A request is completed with its outcome, by the outcome form beside this one.
            *[
                (s, RequestStatus(s).label)
                for s in allowed_statuses(request.status)
                if s != RequestStatus.COMPLETED
            ],
        ]
        self.fields["area"].queryset = Theme.objects.filter(kind=ThemeKind.ASSISTANCE_AREA)
        # The areas come from the caller (one query for the page) in the codebook's order.
        self.fields["area"].choices = [
            ("", self.fields["area"].empty_label),
            *[(t.pk, in_language(t.label)) for t in areas],
        ]

    def clean(self):
        data = super().clean()
        if data.get("status") == RequestStatus.DECLINED and not (data.get("note") or "").strip():
            self.add_error("note", _("Say in a note why the request is declined."))
        return data


class AssistanceMatchForm(forms.Form):
    expert = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(required=False, max_length=2000)


def _date_widget():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AssistanceOutcomeForm(forms.Form):
    """What was delivered on a request and its evaluation: completes a request in progress, or
    revises a completed request's outcome (then with the reason)."""

    delivered = MultilingualTextFormField(
        label=_("What was delivered"),
        multiline=True,
        help_text=_(
            "E.g. two training courses for 40 prison officers; a draft law reviewed. Write it in "
            "the languages of the respondent's contact persons, who read it; English is required."
        ),
    )
    delivered_by = MultilingualTextFormField(
        label=_("Delivered by"),
        help_text=_("The office, organization or experts who delivered it."),
    )
    delivered_from = forms.DateField(label=_("Delivered on (or from)"), widget=_date_widget())
    delivered_until = forms.DateField(
        label=_("Until"),
        required=False,
        widget=_date_widget(),
        help_text=_("For assistance delivered over a period."),
    )
    rating = forms.ChoiceField(
        label=_("Evaluation"), choices=OutcomeRating.choices, widget=forms.RadioSelect
    )
    evaluation = MultilingualTextFormField(
        label=_("Evaluation notes"),
        multiline=True,
        help_text=_("What the assistance changed, what it did not, and the lessons for later."),
    )
    reason = forms.CharField(
        label=_("Why the outcome is revised"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, revising: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.revising = revising
        if revising:
            self.fields["reason"].required = True
        else:
            del self.fields["reason"]

    def clean(self):
        data = super().clean()
        if not self.errors:
            for name, message in outcome_problems(self.facts()).items():
                self.add_error(name, message)
        return data

    def facts(self) -> OutcomeFacts:
        data = self.cleaned_data
        return OutcomeFacts(
            delivered=data.get("delivered") or {},
            delivered_by=data.get("delivered_by") or {},
            delivered_from=data.get("delivered_from"),
            delivered_until=data.get("delivered_until"),
            rating=data.get("rating") or "",
            evaluation=data.get("evaluation") or {},
        )

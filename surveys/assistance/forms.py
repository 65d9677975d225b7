"""The forms of the technical-assistance pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from portal.development import GROUPS
from portal.models import RegionalGroup, Respondent
from portal.multilingual import in_language, language_code, sort_key
from surveys.assistance.services import allowed_statuses
from surveys.models import Priority, RequestStatus, Theme, ThemeKind


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
            *[(s, RequestStatus(s).label) for s in allowed_statuses(request.status)],
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

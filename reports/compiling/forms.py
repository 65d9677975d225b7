from typing import cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from clusters.models import Category, Cluster, Standard
from portal.multilingual import in_language
from reports.compiling.services import report_masthead_problems
from reports.models import default_statuses
from surveys.models import Cycle, ReplyStatus


class CycleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, cycle):
        return f"{in_language(cycle.title)} · {in_language(cycle.commission_session)}"


class StandardChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, standard):
        return in_language(standard.short_name)


class ReportForm(forms.Form):
    """What an administrator asks a report for (services.report_request checks it again)."""

    cycles = CycleChoiceField(
        label=_("Cycles"),
        queryset=Cycle.objects.select_related("version").order_by("-opens_on", "title"),
        widget=forms.CheckboxSelectMultiple,
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.all(),
        required=False,
        empty_label=_("Every category"),
    )
    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=Cluster.objects.all(),
        required=False,
        empty_label=_("Every cluster"),
    )
    standards = StandardChoiceField(
        label=_("Standards"),
        queryset=Standard.objects.select_related("category", "cluster"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Scope: a category, a cluster or chosen standards; none for everything asked."),
    )
    # Left empty, the usual title is written in the report's language, not the requester's.
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Empty: the usual title, in the language of the report."),
    )
    commission_session = forms.CharField(
        label=_("Commission session"),
        max_length=200,
        required=False,
        help_text=_("e.g. Fifteenth session. Empty: the first cycle's session."),
    )
    session_place = forms.CharField(
        label=_("Session place"),
        max_length=100,
        help_text=_("In the language of the report, e.g. Vienna."),
    )
    session_opens_on = forms.DateField(
        label=_("First day of the session"), widget=forms.DateInput(attrs={"type": "date"})
    )
    session_closes_on = forms.DateField(
        label=_("Last day of the session"), widget=forms.DateInput(attrs={"type": "date"})
    )
    agenda_item_number = forms.IntegerField(
        label=_("Agenda item"),
        min_value=1,
        max_value=99,
        help_text=_("The item's number on the provisional agenda, e.g. 6."),
        error_messages={
            "required": _("Agenda item: the number of the item on the provisional agenda."),
            "invalid": _("Agenda item: a number, e.g. 6."),
        },
    )
    agenda_item_title = forms.CharField(
        label=_("Agenda item title"),
        max_length=300,
        required=False,
        help_text=_(
            "e.g. Use and application of United Nations standards and norms in crime "
            "prevention and criminal justice. Empty: this title, in the language of the report."
        ),
    )
    symbol = forms.RegexField(
        label=_("Document symbol"),
        max_length=60,
        regex=r"^[A-Z0-9][A-Za-z0-9./()-]*$",
        help_text=_("e.g. E/CN.15/2006/13"),
        error_messages={"invalid": _("A document symbol such as E/CN.15/2006/13.")},
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES, initial="en")
    reply_statuses = forms.MultipleChoiceField(
        label=_("Replies counted"),
        choices=ReplyStatus.choices,
        initial=default_statuses,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Accepted replies only, unless you choose otherwise."),
    )

    # The page's order, which the error summary follows.
    field_order = [
        "cycles", "category", "cluster", "standards", "reply_statuses", "symbol", "language",
        "title", "commission_session", "session_place", "session_opens_on", "session_closes_on",
        "agenda_item_number", "agenda_item_title",
    ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Where there is one choice, it is made: the only cycle is ticked.
        if not self.is_bound:
            cycles = cast(forms.ModelMultipleChoiceField, self.fields["cycles"])
            only = list(cycles.queryset[:2])
            if len(only) == 1:
                self.initial.setdefault("cycles", [only[0].pk])

    def standard_groups(self) -> list[tuple[Category, list[tuple[Cluster, list]]]]:
        """The standards' check boxes grouped by category, then cluster, in the catalogue's
        order (each a bound sub-widget: its tag, label and id)."""
        by_pk = {s.pk: s for s in Standard.objects.select_related("category", "cluster")}
        groups: dict = {}
        for box in self["standards"]:
            standard = by_pk[int(str(box.data["value"]))]
            clusters = groups.setdefault(standard.category, {})
            clusters.setdefault(standard.cluster, []).append(box)
        ordered = sorted(groups.items(), key=lambda item: item[0].letter)
        return [
            (category, sorted(clusters.items(), key=lambda item: item[0].priority))
            for category, clusters in ordered
        ]

    def clean(self):
        data = super().clean()
        scopes = [name for name in ("category", "cluster", "standards") if data.get(name)]
        if len(scopes) > 1:
            raise forms.ValidationError(_("Choose one scope: a category, a cluster or standards."))
        problems = report_masthead_problems(
            symbol=data.get("symbol") or "",
            commission_session=data.get("commission_session") or "",
            session_place=data.get("session_place") or "",
            session_opens_on=data.get("session_opens_on"),
            session_closes_on=data.get("session_closes_on"),
            agenda_item_number=data.get("agenda_item_number"),
            agenda_item_title=data.get("agenda_item_title") or "",
        )
        for name, message in problems.items():
            if name not in self.errors:  # the field's own check has said what is wrong
                self.add_error(name, message)
        return data

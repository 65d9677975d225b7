from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from clusters.models import Category, Cluster, Standard
from portal.multilingual import in_language
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
        label=_("Category"), queryset=Category.objects.all(), required=False
    )
    cluster = forms.ModelChoiceField(
        label=_("Cluster"), queryset=Cluster.objects.all(), required=False
    )
    standards = StandardChoiceField(
        label=_("Standards"),
        queryset=Standard.objects.all(),
        required=False,
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
    session_dates = forms.CharField(
        label=_("Session dates and place"),
        max_length=200,
        required=False,
        help_text=_("e.g. Vienna, 24–28 April 2006"),
    )
    agenda_item = forms.CharField(
        label=_("Agenda item"),
        max_length=300,
        help_text=_(
            "e.g. Item 6 of the provisional agenda: Use and application of United Nations "
            "standards and norms in crime prevention and criminal justice"
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

    def clean(self):
        data = super().clean()
        scopes = [name for name in ("category", "cluster", "standards") if data.get(name)]
        if len(scopes) > 1:
            raise forms.ValidationError(_("Choose one scope: a category, a cluster or standards."))
        return data

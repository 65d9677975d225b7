from typing import cast

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _

from clusters.models import Category, Cluster, Standard
from portal.multilingual import in_language
from reports.compiling.services import report_masthead_problems
from reports.models import default_statuses
from surveys.models import Cycle, ReplyStatus


def place_field(language: str) -> str:
    """The name of the session place's input in `language` ("session_place_zh_hans")."""
    return "session_place_" + language.replace("-", "_")


def one_language_texts() -> dict[str, str]:
    """The fields typed in one language, which a request of several languages leaves empty, and
    why (each message names its field)."""
    return {
        "title": gettext(
            "Title: leave it empty when you ask for several languages; each version prints the "
            "usual title in its own language."
        ),
        "commission_session": gettext(
            "Commission session: leave it empty when you ask for several languages; each version "
            "prints the cycle's session in its own language."
        ),
        "session_place": gettext(
            "Session place: when you ask for several languages, write the place in each of them "
            "below instead."
        ),
        "agenda_item_title": gettext(
            "Agenda item title: leave it empty when you ask for several languages; each version "
            "prints the usual title of the item in its own language."
        ),
    }


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
    # Required for one language (clean); several languages take it in each of them instead.
    session_place = forms.CharField(
        label=_("Session place"),
        max_length=100,
        required=False,
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
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        initial=["en"],
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Each language is a version of its own; several are compiled together from the same "
            "figures."
        ),
        error_messages={"required": _("Languages: choose at least one.")},
    )
    reply_statuses = forms.MultipleChoiceField(
        label=_("Replies counted"),
        choices=ReplyStatus.choices,
        initial=default_statuses,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Accepted replies only, unless you choose otherwise."),
    )

    # The page's order, which the error summary follows.
    field_order = [
        "cycles", "category", "cluster", "standards", "reply_statuses", "symbol", "languages",
        "title", "commission_session", "session_place",
        *(place_field(code) for code, _name in settings.LANGUAGES),
        "session_opens_on", "session_closes_on", "agenda_item_number", "agenda_item_title",
    ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The session place in each language, for a request of several languages.
        for code, _name in settings.LANGUAGES:
            self.fields[place_field(code)] = forms.CharField(
                label=format_lazy(
                    "{place} ({language})",
                    place=_("Session place"),
                    language=get_language_info(code)["name_translated"],
                ),
                max_length=100,
                required=False,
                widget=forms.TextInput(attrs={"lang": code, "dir": "auto"}),
            )
        self.order_fields(self.field_order)
        # Where there is one choice, it is made: the only cycle is ticked.
        if not self.is_bound:
            cycles = cast(forms.ModelMultipleChoiceField, self.fields["cycles"])
            only = list(cycles.queryset[:2])
            if len(only) == 1:
                self.initial.setdefault("cycles", [only[0].pk])

    def place_fields(self) -> list[tuple[str, forms.BoundField]]:
        """The session place's inputs, one per language, with the language's code."""
        return [(code, self[place_field(code)]) for code, _name in settings.LANGUAGES]

    def session_places(self, data: dict | None = None) -> dict[str, str]:
        """The session place asked for in each language of the request (cleaned data)."""
        data = self.cleaned_data if data is None else data
        languages = data.get("languages") or []
        if len(languages) == 1:
            return {languages[0]: data.get("session_place") or ""}
        return {code: data.get(place_field(code)) or "" for code in languages}

    def _check_languages(self, data: dict) -> None:
        """The texts typed in one language: with several languages, each version prints its
        usual text in its own language, and the place is written in each language."""
        languages = data.get("languages") or []
        if len(languages) < 2:
            if languages and not data.get("session_place") and "session_place" not in self.errors:
                self.add_error(
                    "session_place", self.fields["session_place"].error_messages["required"]
                )
            return
        for name, message in one_language_texts().items():
            if data.get(name):
                self.add_error(name, message)
        for code in languages:
            name = place_field(code)
            if not data.get(name):
                self.add_error(
                    name,
                    _(
                        "%(field)s: the city where the session meets, written in that language "
                        "(e.g. Vienna)."
                    )
                    % {"field": self.fields[name].label},
                )

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
        self._check_languages(data)
        problems = report_masthead_problems(
            symbol=data.get("symbol") or "",
            commission_session=data.get("commission_session") or "",
            session_place=next(
                iter(self.session_places(data).values()), data.get("session_place") or ""
            ),
            session_opens_on=data.get("session_opens_on"),
            session_closes_on=data.get("session_closes_on"),
            agenda_item_number=data.get("agenda_item_number"),
            agenda_item_title=data.get("agenda_item_title") or "",
        )
        for name, message in problems.items():
            if name not in self.errors:  # the field's own check has said what is wrong
                self.add_error(name, message)
        return data

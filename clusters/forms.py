"""The forms of the roster of experts."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from clusters.models import Availability, Cluster, Expert
from clusters.selectors import language_name
from portal.models import RegionalGroup, Respondent, RespondentType
from portal.multilingual import in_language, language_code, sort_key

# A language code as in BCP 47, in lower case: "pt", "sw", "pt-br".
LANGUAGE_CODE_PATTERN = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
OFFICIAL_CODES = [code for code, _name in settings.LANGUAGES]


class ClusterChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, cluster):
        return f"({cluster.letter}) {in_language(cluster.title)}"


class NationalityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, respondent):
        return respondent.list_name(language_code())


class ExpertForm(forms.ModelForm):
    """An expert's entry: clusters ticked, the six official languages ticked and others typed as
    codes, the regional group taken from the nationality when it is left empty."""

    clusters = ClusterChoiceField(
        label=_("Clusters"),
        queryset=Cluster.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=_("The clusters of standards and norms the expert can help with."),
    )
    nationality = NationalityChoiceField(
        label=_("Nationality"),
        queryset=Respondent.objects.none(),
        required=False,
        empty_label=_("Not stated"),
    )
    official_languages = forms.MultipleChoiceField(
        label=_("Official languages"),
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    other_languages = forms.CharField(
        label=_("Other languages"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
        help_text=_("Language codes separated by spaces or commas, e.g. pt sw."),
    )
    regional_group = forms.ChoiceField(
        label=_("Regional group"),
        choices=[("", _("As the nationality")), *RegionalGroup.choices],
        required=False,
    )

    class Meta:
        model = Expert
        fields = [
            "name",
            "email",
            "nationality",
            "regional_group",
            "clusters",
            "expertise",
            "availability",
            "available_from",
            "note",
            "is_active",
        ]
        widgets = {
            "name": forms.TextInput(attrs={"dir": "auto"}),
            "email": forms.EmailInput(attrs={"dir": "ltr"}),
            "note": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
            "available_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "availability": forms.RadioSelect(attrs={"class": "form-check-input"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = language_code()
        self.fields["clusters"].queryset = Cluster.objects.all()
        # Staff read the roster in their own language: the expertise is written in as many of the
        # six languages as the administrator can, and at least one.
        self.fields["expertise"].required_languages = ()
        self.fields["expertise"].help_text = _(
            "Write it in as many of the six languages as you can: each reader sees it in their "
            "own language where there is one."
        )
        states = Respondent.objects.filter(type__code=RespondentType.MEMBER_STATE, is_active=True)
        self.fields["nationality"].queryset = states
        # Choices in the reader's alphabetical order (the queryset still validates the value).
        ordered = sorted(states, key=lambda r: sort_key(r.list_name(language), language))
        self.fields["nationality"].choices = [
            ("", self.fields["nationality"].empty_label),
            *[(r.pk, r.list_name(language)) for r in ordered],
        ]
        self.fields["official_languages"].choices = settings.LANGUAGES
        self.fields["availability"].choices = Availability.choices
        if self.instance.pk and not self.is_bound:
            codes = self.instance.languages or []
            self.initial["official_languages"] = [c for c in codes if c in OFFICIAL_CODES]
            self.initial["other_languages"] = " ".join(c for c in codes if c not in OFFICIAL_CODES)

    def clean_other_languages(self):
        codes = [c.lower() for c in re.split(r"[\s,;]+", self.cleaned_data["other_languages"]) if c]
        wrong = [c for c in codes if not LANGUAGE_CODE_PATTERN.match(c)]
        if wrong:
            raise forms.ValidationError(
                _("Not a language code: %(codes)s. Use codes such as pt or sw.")
                % {"codes": ", ".join(wrong)}
            )
        return codes

    def clean(self):
        data = super().clean()
        if not data.get("regional_group"):
            nationality = data.get("nationality")
            if nationality is not None and nationality.regional_group:
                data["regional_group"] = nationality.regional_group
            elif "regional_group" not in self.errors:
                self.add_error(
                    "regional_group", _("Choose the regional group, or state the nationality.")
                )
        languages = [*data.get("official_languages", []), *data.get("other_languages", [])]
        if not languages and "other_languages" not in self.errors:
            self.add_error("official_languages", _("Tick or type at least one language."))
        data["languages"] = languages
        return data

    def _post_clean(self):
        # The service validates and saves; the form only cleans the input.
        pass

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "nationality": data["nationality"],
            "regional_group": data["regional_group"],
            "languages": data["languages"],
            "expertise": data["expertise"],
            "availability": data["availability"],
            "available_from": data["available_from"],
            "note": data["note"],
            "is_active": data["is_active"],
        }


class RosterFilterForm(forms.Form):
    """The roster's filters (GET)."""

    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=Cluster.objects.all(),
        required=False,
        empty_label=_("All clusters"),
        to_field_name="letter",
    )
    region = forms.ChoiceField(
        label=_("Regional group"),
        choices=[("", _("All groups")), *RegionalGroup.choices],
        required=False,
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    availability = forms.ChoiceField(
        label=_("Availability"),
        choices=[("", _("Any availability")), *Availability.choices],
        required=False,
    )
    off_roster = forms.BooleanField(label=_("Include experts off the roster"), required=False)

    def __init__(self, *args, other_languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].label_from_instance = lambda c: (
            f"({c.letter}) {in_language(c.title)}"
        )
        for name in ("cluster", "region", "language", "availability"):
            self.fields[name].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["off_roster"].widget.attrs["class"] = "form-check-input"
        others = sorted({c for c in other_languages if c not in OFFICIAL_CODES})
        self.fields["language"].choices = [
            ("", _("All languages")),
            *[(code, language_name(code)) for code in OFFICIAL_CODES],
            *[(code, language_name(code)) for code in others],
        ]

"""Forms of the codebook and the coding screen."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.multilingual import LANGUAGE_CODES, MultilingualTextFormField, language_direction
from surveys.coding.services import MAX_SUMMARY, summary_problem
from surveys.models import Theme, ThemeKind


class ThemeForm(forms.Form):
    """A codebook entry. Kind and code are set when the theme is created and never change:
    answers already coded keep their meaning."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ThemeKind.choices)
    code = forms.SlugField(
        label=_("Code"),
        max_length=60,
        help_text=_("A short stable name in lower-case letters, digits and hyphens."),
    )
    label = MultilingualTextFormField(label=_("Label"))
    description = MultilingualTextFormField(label=_("Description"), multiline=True, required=False)
    order = forms.IntegerField(label=_("Order"), min_value=0, max_value=32767, initial=0)
    is_active = forms.BooleanField(
        label=_("Active"),
        required=False,
        initial=True,
        help_text=_(
            "An inactive theme is no longer offered or suggested; the answers coded with it keep it."
        ),
    )

    def __init__(self, *args, theme: Theme | None = None, **kwargs):
        self.theme = theme
        if theme is not None:
            kwargs.setdefault(
                "initial",
                {
                    "kind": theme.kind,
                    "code": theme.code,
                    "label": theme.label,
                    "description": theme.description,
                    "order": theme.order,
                    "is_active": theme.is_active,
                    **{
                        f"keywords_{code}": "\n".join((theme.keywords or {}).get(code, ()))
                        for code in LANGUAGE_CODES
                    },
                },
            )
        super().__init__(*args, **kwargs)
        names = dict(settings.LANGUAGES)
        for code in LANGUAGE_CODES:
            self.fields[f"keywords_{code}"] = forms.CharField(
                label=names[code],
                required=False,
                widget=forms.Textarea(
                    attrs={
                        "rows": 4,
                        "lang": code,
                        "dir": language_direction(code),
                    }
                ),
            )
        if theme is not None:
            del self.fields["kind"]
            del self.fields["code"]
        else:
            del self.fields["is_active"]

    def clean_code(self):
        code = self.cleaned_data["code"]
        if Theme.objects.filter(code=code).exists():
            raise forms.ValidationError(_("A theme with this code already exists."))
        return code

    def keyword_fields(self):
        return [self[f"keywords_{code}"] for code in LANGUAGE_CODES]

    @property
    def keywords(self) -> dict[str, list[str]]:
        return {
            code: self.cleaned_data.get(f"keywords_{code}", "").splitlines()
            for code in LANGUAGE_CODES
        }


class UsefulPracticeForm(forms.Form):
    featured = forms.BooleanField(label=_("Feature in the report"), required=False)
    summary = MultilingualTextFormField(
        label=_("Short summary for the report"),
        multiline=True,
        required=False,
        help_text=_(
            "Each report prints the summary written in its language; without one, it quotes the "
            "answer as written and lists the summary as a translation needed."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for widget in self.fields["summary"].widget.widgets:
            widget.attrs["class"] = "form-control form-control-sm"

    def clean_summary(self):
        summary = self.cleaned_data["summary"]
        if any(len(text) > MAX_SUMMARY for text in summary.values()):
            raise forms.ValidationError(
                _("The summary is too long: %(count)s characters at most."),
                params={"count": MAX_SUMMARY},
            )
        return summary

    def clean(self):
        cleaned = super().clean()
        problem = summary_problem(
            featured=cleaned.get("featured", False), summary=cleaned.get("summary") or {}
        )
        if problem:
            self.add_error("summary", problem)
        return cleaned

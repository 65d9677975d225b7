from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
                "dir": "ltr",
            }
        ),
    )


class EnrolmentForm(CodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code shown by the app")
        self.fields["code"].help_text = _("Six digits, which change every 30 seconds.")
        self.fields["code"].widget.attrs["inputmode"] = "numeric"


class VerifyForm(CodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code from your authenticator app, or a recovery code")
        self.fields["code"].help_text = _(
            "Six digits from the app; or one of your recovery codes (eight letters and digits), "
            "which then stops working."
        )

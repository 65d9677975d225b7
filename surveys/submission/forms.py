"""The forms of the attachments and submit pages."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from surveys.submission.attachments import ACCEPT_ATTRIBUTE, max_bytes


class AttachmentForm(forms.Form):
    """One file, for one file question or as a supporting document. The service checks the file's
    content; the form only makes sure one was chosen."""

    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        error_messages={"required": _("Choose a file to upload.")},
    )
    description = forms.CharField(
        label=_("What the document is"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
        help_text=_("E.g. “Prisons Act 2019, as amended”."),
    )

    def __init__(self, *args, question=None, **kwargs):
        self.question = question
        prefix = f"q{question.pk}" if question is not None else "supporting"
        super().__init__(*args, prefix=prefix, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, Word (.docx), OpenDocument text (.odt) or Excel (.xlsx), up to %(size)s."
        ) % {"size": filesizeformat(max_bytes())}
        if question is not None:
            self.fields["file"].label = _("File for %(code)s") % {"code": question.code}
            del self.fields["description"]
        else:
            self.fields["file"].label = _("Supporting document")


class SubmitForm(forms.Form):
    """The lead's confirmation, with the respondent's word on publication (resolution 2003/30,
    annex, para. 24)."""

    may_publish = forms.TypedChoiceField(
        label=_("May this reply be published on the portal?"),
        choices=[
            ("yes", _("Yes, the reply may be published on the portal.")),
            ("no", _("No, the reply is for the Secretariat and the report only.")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether the reply may be published on the portal.")},
        help_text=_(
            "Resolution 2003/30, annex, paragraph 24: the information that States provide is "
            "distributed on the World Wide Web. Published replies can be read by anyone."
        ),
    )

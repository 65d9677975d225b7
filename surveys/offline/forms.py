from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from surveys.exchange.workbook_guards import MAX_FILE_BYTES

XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ReplyXlsxDownloadForm(forms.Form):
    """Sent with GET to the download: the language of the questions and labels in the workbook."""

    language = forms.ChoiceField(label=_("Language of the workbook"), choices=settings.LANGUAGES)


class ReplyXlsxUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Filled-in workbook (.xlsx)"),
        help_text=_(
            "The workbook downloaded for this reply, saved as .xlsx in Excel or LibreOffice."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": XLSX_ACCEPT}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB."),
                params={"size": MAX_FILE_BYTES // (1024 * 1024)},
            )
        return upload

from django import forms
from django.utils.translation import gettext_lazy as _

from clusters.models import Category
from surveys.exchange.workbook_guards import MAX_FILE_BYTES


class QuestionnaireImportForm(forms.Form):
    file = forms.FileField(
        label=_("XLSForm workbook (.xlsx or .xls)"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml"
                ".sheet,application/vnd.ms-excel"
            }
        ),
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.all(),
        to_field_name="letter",
        required=False,
        help_text=_("Only for a file whose settings sheet does not name the category."),
    )
    form_id = forms.SlugField(
        label=_("Questionnaire code"),
        required=False,
        help_text=_("Only for a file whose settings sheet has no form_id."),
    )
    skip_unsupported = forms.BooleanField(
        label=_("Leave out question types the portal does not support"),
        required=False,
        help_text=_("They are listed after the import. Otherwise the file is refused."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB."),
                params={"size": MAX_FILE_BYTES // (1024 * 1024)},
            )
        return upload

"""The form of the review page whose text others read: the note sent with a return."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.multilingual import MultilingualTextFormField


class ReturnNoteForm(forms.Form):
    """The note to the contact persons sent with a return for clarification: written in the
    languages they read (each reads it in their own, else in English, else in any given)."""

    note = MultilingualTextFormField(
        label=_("Note to the contact persons (optional)"),
        multiline=True,
        required=False,
        help_text=_("Write it in the language of the respondent's contact persons."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "return-%s")
        super().__init__(*args, **kwargs)

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from portal.models import Respondent
from portal.multilingual import language_code, sort_key
from surveys.models import ReplyStatus


class RespondentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, respondent):
        return respondent.list_name()


class PresentationForm(forms.Form):
    """What Secretariat staff ask a country presentation for (services.presentation_request
    checks it again)."""

    respondent = RespondentChoiceField(
        label=_("Respondent"),
        queryset=Respondent.objects.none(),
        help_text=_("The presentation shows its accepted replies."),
    )
    cluster = forms.ModelChoiceField(label=_("Cluster"), queryset=Cluster.objects.all())
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("One document is compiled in each language chosen."),
        error_messages={"required": _("Languages: choose at least one.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Respondents with an accepted reply, in the reader's alphabetical order.
        field = self.fields["respondent"]
        respondents = Respondent.objects.filter(replies__status=ReplyStatus.ACCEPTED).distinct()
        language = language_code()
        ordered = sorted(respondents, key=lambda r: sort_key(r.list_name(language), language))
        field.queryset = respondents
        field.choices = [("", "---------")] + [(r.pk, r.list_name(language)) for r in ordered]

from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.template import loader
from django.utils.translation import gettext_lazy as _

from portal.models import RegionalGroup, RespondentType
from portal.tasks import email_send


class QueuedPasswordResetForm(PasswordResetForm):
    """Password reset whose e-mail is sent by a Celery worker once the request has committed."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html_body = (
            loader.render_to_string(html_email_template_name, context)
            if html_email_template_name
            else None
        )
        email_send.delay_on_commit(subject=subject, body=body, to=[to_email], html_body=html_body)


class RespondentFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name or code, in any of the six languages"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "Kenya, Кения, 肯尼亚, KEN"}),
    )
    regional_group = forms.ChoiceField(
        label=_("Regional group"),
        required=False,
        choices=[("", _("All regional groups")), *RegionalGroup.choices],
    )
    type = forms.ModelChoiceField(
        label=_("Type"),
        required=False,
        queryset=RespondentType.objects.all(),
        empty_label=_("All types"),
        to_field_name="code",
    )

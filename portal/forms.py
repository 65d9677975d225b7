from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.template import loader
from django.utils.translation import gettext_lazy as _

from portal.models import RegionalGroup, RespondentType, User
from portal.tasks import email_send


class QueuedPasswordResetForm(PasswordResetForm):
    """Password reset whose e-mail is sent by a Celery worker once the request has committed.

    An address that names no account gets the same work as one that does (a token made, the
    e-mail rendered and a task queued, to nobody), so neither the page nor its timing tells
    whether an account exists."""

    def get_users(self, email):
        users = list(super().get_users(email))
        # An unsaved stand-in: it takes the same path as a real account up to the sending.
        return users or [_decoy(email)]

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
        to = [] if context["user"].pk is None else [to_email]  # the decoy is never saved
        email_send.delay_on_commit(subject=subject, body=body, to=to, html_body=html_body)


def _decoy(email: str) -> User:
    """The stand-in account of an address that names none (never saved)."""
    return User(email=email, username=email)


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


class InviteForm(forms.Form):
    first_name = forms.CharField(label=_("Given name"), max_length=150)
    last_name = forms.CharField(label=_("Family name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    language = forms.ChoiceField(
        label=_("Language of the portal and of its e-mails"),
        choices=settings.LANGUAGES,
        help_text=_("The person can change it later."),
    )
    is_lead = forms.BooleanField(
        label=_("Lead contact person"),
        required=False,
        help_text=_(
            "The lead confirms submissions and may invite colleagues. A respondent has one lead: "
            "naming a new one makes the present lead an ordinary contact person."
        ),
    )

    def __init__(self, *args, may_name_lead: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_name_lead:
            del self.fields["is_lead"]

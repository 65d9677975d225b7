"""The roles of DESIGN.md ("Who uses it")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CONTACT_PERSON = "contact_person", _("Contact person")
    REVIEWER = "reviewer", _("Reviewer")
    ADMINISTRATOR = "administrator", _("Administrator")
    DELEGATE = "delegate", _("Commission delegate")


# Secretariat staff: reviewers, and administrators who can do all that reviewers can.
SECRETARIAT_ROLES = frozenset({Role.REVIEWER, Role.ADMINISTRATOR})

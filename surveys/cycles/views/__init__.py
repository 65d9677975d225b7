"""Cycles of collection (the Secretariat's pages), contact-person invitations and welcome, and the
contact person's dashboard of questionnaires."""

from surveys.cycles.views.contact_persons import (
    contact_dashboard,
    contact_invite,
    contact_welcome,
)
from surveys.cycles.views.secretariat import (
    cycle_create,
    cycle_detail,
    cycle_extend,
    cycle_index,
)

__all__ = [
    "contact_dashboard",
    "contact_invite",
    "contact_welcome",
    "cycle_create",
    "cycle_detail",
    "cycle_extend",
    "cycle_index",
]

"""Cycles of collection (the Secretariat's pages) and the contact person's dashboard of
questionnaires."""

from surveys.cycles.views.dashboard import contact_dashboard
from surveys.cycles.views.secretariat import (
    cycle_create,
    cycle_detail,
    cycle_extend,
    cycle_index,
)
from surveys.cycles.views.situations import cycle_situations

__all__ = [
    "contact_dashboard",
    "cycle_create",
    "cycle_detail",
    "cycle_extend",
    "cycle_index",
    "cycle_situations",
]

"""How a report names a standard (reports.figures.computing gives the figures of each)."""

from django.utils.translation import gettext as _


def standard_full_name(*, name: str, title: str, adopted_by: str) -> str:
    """How a report names a standard the first time (call in the report's language): its title,
    its short name and its adopting resolution, "United Nations Standard Minimum Rules for
    Non-custodial Measures (the Tokyo Rules) (General Assembly resolution 45/110)"."""
    if not title or title == name:
        if not adopted_by:
            return name
        return _("%(title)s (%(adopted_by)s)") % {"title": title or name, "adopted_by": adopted_by}
    if not adopted_by:
        return _("%(title)s (the %(short_name)s)") % {"title": title, "short_name": name}
    return _("%(title)s (the %(short_name)s) (%(adopted_by)s)") % {
        "title": title,
        "short_name": name,
        "adopted_by": adopted_by,
    }

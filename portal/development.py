"""The groups replies are read by (resolution 2003/30, annex, para. 30: developing countries,
countries with economies in transition and post-conflict situations): the M49 developed and
developing regions and the economies in transition of the World Economic Situation and Prospects,
from `data/development_status.json` with their sources and dates; the least developed,
landlocked developing and small island developing States, from the respondents' flags; and the
States in post-conflict or peacekeeping situations, which the Secretariat lists for each cycle
(surveys.cycles.models.SituationList) and callers pass in.

Only Member States belong to a development group; other bodies invited to reply belong to none.
"""

import json
from functools import cache
from pathlib import Path

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.models import Respondent, RespondentType

DATA = Path(__file__).resolve().parent / "data" / "development_status.json"

DEVELOPED = "developed"
DEVELOPING = "developing"
TRANSITION = "transition"
LDC = "ldc"
LLDC = "lldc"
SIDS = "sids"
POST_CONFLICT = "post_conflict"

# In the order lists and filters show them.
GROUPS = {
    DEVELOPED: _("Developed regions (M49)"),
    DEVELOPING: _("Developing regions (M49)"),
    TRANSITION: _("Economies in transition (WESP)"),
    LDC: _("Least developed countries"),
    LLDC: _("Landlocked developing countries"),
    SIDS: _("Small island developing States"),
    POST_CONFLICT: _("Post-conflict or peacekeeping situations"),
}
_FLAGS = {LDC: "is_ldc", LLDC: "is_lldc", SIDS: "is_sids"}


@cache
def _reference() -> dict:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return {
        DEVELOPED: frozenset(data["developed"]["states"]),
        TRANSITION: frozenset(data["economies_in_transition"]["states"]),
        "sources": {
            DEVELOPED: (data["developed"]["source"], data["developed"]["date"]),
            TRANSITION: (
                data["economies_in_transition"]["source"],
                data["economies_in_transition"]["date"],
            ),
        },
    }


def developed_codes() -> frozenset[str]:
    return _reference()[DEVELOPED]


def transition_codes() -> frozenset[str]:
    return _reference()[TRANSITION]


def group_sources() -> dict[str, tuple[str, str]]:
    """Each file-based group's source and date (English, as the data file gives them)."""
    return _reference()["sources"]


def _is_state(respondent: Respondent) -> bool:
    return respondent.type.code == RespondentType.MEMBER_STATE


def respondent_groups(
    respondent: Respondent, post_conflict: frozenset[str] | set[str] = frozenset()
) -> list[str]:
    """The groups `respondent` belongs to, in GROUPS order; `post_conflict`: the codes of the
    States listed for the cycle being read."""
    return groups_of(
        respondent.code,
        is_state=_is_state(respondent),
        flags={group: getattr(respondent, flag) for group, flag in _FLAGS.items()},
        post_conflict=post_conflict,
    )


def groups_of(
    code: str, *, is_state: bool, flags: dict[str, bool], post_conflict: frozenset[str] | set[str]
) -> list[str]:
    """respondent_groups() from a respondent's values (for rows read with values_list); `flags`:
    {LDC: ..., LLDC: ..., SIDS: ...}."""
    if not is_state:
        return []
    found = [DEVELOPED if code in developed_codes() else DEVELOPING]
    if code in transition_codes():
        found.append(TRANSITION)
    found.extend(group for group in _FLAGS if flags.get(group))
    if code in post_conflict:
        found.append(POST_CONFLICT)
    return found


def group_names(groups: list[str]) -> str:
    """ "Developing regions (M49); Least developed countries" in the active language."""
    return "; ".join(str(GROUPS[group]) for group in groups)


def group_q(
    group: str, post_conflict: frozenset[str] | set[str] = frozenset(), prefix: str = ""
) -> Q:
    """A filter on respondents (`prefix`: the path to them, "respondent__") for `group`."""
    state = Q(**{f"{prefix}type__code": RespondentType.MEMBER_STATE})
    if group == DEVELOPED:
        return state & Q(**{f"{prefix}code__in": developed_codes()})
    if group == DEVELOPING:
        return state & ~Q(**{f"{prefix}code__in": developed_codes()})
    if group == TRANSITION:
        return state & Q(**{f"{prefix}code__in": transition_codes()})
    if group in _FLAGS:
        return state & Q(**{f"{prefix}{_FLAGS[group]}": True})
    if group == POST_CONFLICT:
        return state & Q(**{f"{prefix}code__in": post_conflict})
    raise ValueError(f"unknown group {group!r}")

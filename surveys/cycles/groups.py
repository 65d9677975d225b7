"""A cycle's respondents by development status and situation (portal.development): the
post-conflict and peacekeeping situations are the ones the Secretariat listed for the cycle."""

from surveys.models import Cycle, SituationList


def post_conflict_codes(cycle: Cycle) -> frozenset[str]:
    """The codes of the States listed for `cycle` as in post-conflict or peacekeeping situations
    (none when the Secretariat has not listed them). One query."""
    return frozenset(
        SituationList.states.through.objects.filter(situationlist__cycle=cycle).values_list(
            "respondent__code", flat=True
        )
    )

from django.db.models import Count, Q, QuerySet

from portal.models import Respondent, User
from portal.multilingual import LANGUAGE_CODES


def respondent_list(
    *, search: str = "", regional_group: str = "", type_code: str = ""
) -> QuerySet[Respondent]:
    """Respondents matching a search in any of the six languages (or by code) and the filters."""
    respondents = Respondent.objects.select_related("type").filter(is_active=True)
    if search:
        match = Q(code__iexact=search) | Q(iso2__iexact=search)
        for code in LANGUAGE_CODES:
            match |= Q(**{f"name__{code}__icontains": search})
        respondents = respondents.filter(match)
    if regional_group:
        respondents = respondents.filter(regional_group=regional_group)
    if type_code:
        respondents = respondents.filter(type__code=type_code)
    return respondents


def respondents_by_regional_group() -> list[dict]:
    return list(
        Respondent.objects.filter(is_active=True)
        .exclude(regional_group="")
        .values("regional_group")
        .annotate(count=Count("id"))
        .order_by("regional_group")
    )


def respondent_contact_persons(*, respondent: Respondent) -> QuerySet[User]:
    return respondent.contact_persons.filter(is_active=True).order_by("last_name", "first_name")

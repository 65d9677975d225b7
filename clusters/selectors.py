from django.db.models import Prefetch

from clusters.models import Category, Cluster, Expert, Standard


def taxonomy_counts() -> dict[str, int]:
    return {
        "categories": Category.objects.count(),
        "clusters": Cluster.objects.count(),
        "standards": Standard.objects.count(),
    }


def clusters_with_standards() -> list[Cluster]:
    """The clusters in order of priority, each with its category and standards (three queries)."""
    return list(
        Cluster.objects.select_related("category").prefetch_related(
            Prefetch("standards", queryset=Standard.objects.select_related("category"))
        )
    )


def language_name(code: str) -> str:
    """A language code's name in the active language ("pt" → "Portuguese"), or the code itself."""
    from django.utils.translation import get_language_info

    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def experts_for_roster(
    *,
    cluster: Cluster | None = None,
    region: str = "",
    language: str = "",
    availability: str = "",
    include_off_roster: bool = False,
) -> list[Expert]:
    """The roster, filtered, in alphabetical order, with each expert's nationality and clusters
    (two queries, whatever the number of experts). Languages are filtered here rather than in SQL:
    SQLite cannot look inside a JSON list, and the roster is small."""
    experts = Expert.objects.select_related("nationality").prefetch_related("clusters")
    if not include_off_roster:
        experts = experts.filter(is_active=True)
    if cluster is not None:
        experts = experts.filter(clusters=cluster)
    if region:
        experts = experts.filter(regional_group=region)
    if availability:
        experts = experts.filter(availability=availability)
    result = [
        e for e in experts.order_by("name", "pk") if not language or expert_speaks(e, language)
    ]
    for expert in result:
        expert.language_names = [language_name(code) for code in expert.languages]
    return result


def expert_speaks(expert: Expert, language: str) -> bool:
    """Whether `expert` works in `language` (a portal code such as "zh-hans", or "pt")."""
    return language.lower() in {code.lower() for code in expert.languages}

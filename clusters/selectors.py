from django.db.models import Prefetch

from clusters.models import Category, Cluster, Standard


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

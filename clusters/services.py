from pathlib import Path

from django.db import transaction

from clusters.models import Category, Cluster, Standard
from portal.reference import LoadResult, ReferenceDataError, read_csv, read_json, upsert

DATA_DIR = Path(__file__).resolve().parent / "data"


@transaction.atomic
def taxonomy_load(*, update: bool = False, data_dir: Path = DATA_DIR) -> list[LoadResult]:
    """Load the categories, clusters and standards catalogue shipped in clusters/data/."""
    taxonomy = read_json(data_dir / "taxonomy.json")
    results = [
        upsert(
            Category,
            key="letter",
            rows=[{"letter": c["letter"], "title": c["title"]} for c in taxonomy["categories"]],
            update=update,
        )
    ]
    categories = {c.letter: c for c in Category.objects.all()}
    results.append(
        upsert(
            Cluster,
            key="letter",
            rows=[
                {
                    "letter": c["letter"],
                    "title": c["title"],
                    "priority": c["priority"],
                    "category": categories[c["category"]],
                }
                for c in taxonomy["clusters"]
            ],
            update=update,
        )
    )
    clusters = {c.letter: c for c in Cluster.objects.all()}

    path = data_dir / "standards_and_norms.csv"
    rows = []
    for row in read_csv(
        path,
        required_columns=(
            "code",
            "short_name",
            "title",
            "adopted_by",
            "year",
            "category",
            "cluster",
        ),
    ):
        where = f"{path.name}, row {row['_line']}"
        if row["category"] not in categories:
            raise ReferenceDataError(
                f"{where}, column category: unknown category {row['category']!r}"
            )
        if row["cluster"] not in clusters:
            raise ReferenceDataError(f"{where}, column cluster: unknown cluster {row['cluster']!r}")
        try:
            year = int(row["year"])
        except ValueError:
            raise ReferenceDataError(
                f"{where}, column year: {row['year']!r} is not a year"
            ) from None
        rows.append(
            {
                "code": row["code"],
                "short_name": {"en": row["short_name"]},
                "title": {"en": row["title"]},
                "adopted_by": row["adopted_by"],
                "year": year,
                "category": categories[row["category"]],
                "cluster": clusters[row["cluster"]],
                "note": row.get("note") or "",
            }
        )
    results.append(upsert(Standard, key="code", rows=rows, update=update))
    return results

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from clusters.models import Category, Cluster, Expert, Standard
from portal.models import User
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


# --- The roster of experts (annex, para. 39) -----------------------------------------------------

EXPERT_FIELDS = (
    "name",
    "email",
    "nationality",
    "regional_group",
    "languages",
    "expertise",
    "availability",
    "available_from",
    "note",
    "is_active",
)


def _require_administrator(by: User) -> None:
    if not (by.is_authenticated and by.is_administrator):
        raise PermissionDenied


@transaction.atomic
def expert_create(*, by: User, clusters: Iterable[Cluster], **fields: Any) -> Expert:
    """Put an expert on the roster (administrators only). `fields` are Expert's EXPERT_FIELDS."""
    _require_administrator(by)
    unknown = set(fields) - set(EXPERT_FIELDS)
    if unknown:
        raise TypeError(f"unknown expert fields: {', '.join(sorted(unknown))}")
    expert = Expert(**fields)
    expert.languages = _languages(expert.languages)
    expert.full_clean(exclude=["clusters"])
    expert.save()
    expert.clusters.set(clusters)
    return expert


@transaction.atomic
def expert_update(
    *, expert: Expert, by: User, clusters: Iterable[Cluster] | None = None, **fields: Any
) -> Expert:
    """Change an expert's entry (administrators only); taking someone off the roster is
    `is_active=False`, which keeps their past matches."""
    _require_administrator(by)
    unknown = set(fields) - set(EXPERT_FIELDS)
    if unknown:
        raise TypeError(f"unknown expert fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(expert, name, value)
    expert.languages = _languages(expert.languages)
    expert.full_clean(exclude=["clusters"])
    expert.save()
    if clusters is not None:
        expert.clusters.set(clusters)
    return expert


def _languages(codes: Iterable[object] | None) -> list[str]:
    """Language codes, lower case, each once, in the order given."""
    seen = []
    for code in codes or []:
        code = str(code).strip().lower()
        if code and code not in seen:
            seen.append(code)
    return seen


# Fictitious experts for the demonstration (`manage.py seed_demo`): the names are invented and
# every entry says so in its note.
DEMO_EXPERTS = (
    {
        "name": "Demo Expert Amara Nwosu (fictitious)",
        "nationality": "NGA",
        "clusters": ("a", "d"),
        "languages": ["en", "fr"],
        "expertise": "Prison management and alternatives to imprisonment; training of prison staff.",
        "availability": "available",
    },
    {
        "name": "Demo Expert Lucía Ferreyra (fictitious)",
        "nationality": "ARG",
        "clusters": ("a", "b"),
        "languages": ["es", "en", "pt"],
        "expertise": "Juvenile justice; legislative drafting on children in conflict with the law.",
        "availability": "limited",
    },
    {
        "name": "Demo Expert Karim Haddad (fictitious)",
        "nationality": "JOR",
        "clusters": ("b", "c"),
        "languages": ["ar", "en"],
        "expertise": "Police integrity and crime prevention planning in urban areas.",
        "availability": "available",
    },
    {
        "name": "Demo Expert Olga Petrenko (fictitious)",
        "nationality": "UKR",
        "clusters": ("e",),
        "languages": ["ru", "en"],
        "expertise": "Extradition and mutual legal assistance; central authorities.",
        "availability": "unavailable",
    },
)


@transaction.atomic
def experts_demo_seed() -> list[tuple[Expert, bool]]:
    """Put the fictitious demo experts on the roster (by name: running it again adds nothing)."""
    from portal.models import Respondent

    results = []
    for entry in DEMO_EXPERTS:
        nationality = Respondent.objects.filter(code=entry["nationality"]).first()
        expert, created = Expert.objects.get_or_create(
            name=entry["name"],
            defaults={
                "nationality": nationality,
                "regional_group": nationality.regional_group if nationality else "",
                "languages": entry["languages"],
                "expertise": entry["expertise"],
                "availability": entry["availability"],
                "note": "Fictitious expert for the demonstration: not a real person.",
            },
        )
        if created:
            expert.clusters.set(Cluster.objects.filter(letter__in=entry["clusters"]))
        results.append((expert, created))
    return results

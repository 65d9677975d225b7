from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

import yaml
from django.core.exceptions import PermissionDenied
from django.db import models, transaction

from clusters.models import Category, Cluster, Expert, Standard
from portal.models import User
from portal.multilingual import LANGUAGE_CODES
from portal.reference import LoadResult, ReferenceDataError, read_json, upsert

DATA_DIR = Path(__file__).resolve().parent / "data"


@transaction.atomic
def taxonomy_load(*, update: bool = False, data_dir: Path = DATA_DIR) -> list[LoadResult]:
    """Load the categories, clusters and standards catalogue shipped in clusters/data/. Without
    `update`, a text already in the database is kept as staff left it and only the languages it
    lacks are filled in from the files; with `update`, every text is overwritten from the files."""
    taxonomy = read_json(data_dir / "taxonomy.json")
    results = [
        _texts_load(
            Category,
            key="letter",
            rows=[{"letter": c["letter"], "title": c["title"]} for c in taxonomy["categories"]],
            fields=("title",),
            update=update,
        )
    ]
    categories = {c.letter: c for c in Category.objects.all()}
    results.append(
        _texts_load(
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
            fields=("title",),
            update=update,
        )
    )
    clusters = {c.letter: c for c in Cluster.objects.all()}
    rows = _standards_read(
        data_dir / "standards_and_norms.yaml", categories=categories, clusters=clusters
    )
    results.append(_texts_load(Standard, key="code", rows=rows, fields=TEXT_FIELDS, update=update))
    return results


def _texts_load(
    model: type[models.Model],
    *,
    key: str,
    rows: list[dict],
    fields: tuple[str, ...],
    update: bool,
) -> LoadResult:
    result = upsert(model, key=key, rows=rows, update=update)
    if not update:
        completed = _missing_languages_fill(model, key=key, rows=rows, fields=fields)
        result.updated += completed
        result.unchanged -= completed
    return result


TEXT_FIELDS = ("short_name", "title", "description", "adopted_by")


def _standards_read(path: Path, *, categories: dict, clusters: dict) -> list[dict]:
    """The standards of the catalogue file, each with its four texts in the six languages."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark else ""
        raise ReferenceDataError(f"{path.name}{where}: not valid YAML") from None
    entries = data.get("standards") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ReferenceDataError(f"{path.name}: a list under 'standards' is expected")
    rows, codes = [], set()
    for number, entry in enumerate(entries, start=1):
        where = f"{path.name}, standard {number}"
        row = _standard_row(entry, where=where, categories=categories, clusters=clusters)
        if row["code"] in codes:
            raise ReferenceDataError(f"{where}: the code {row['code']} is used twice")
        codes.add(row["code"])
        rows.append(row)
    return rows


def _standard_row(entry: Any, *, where: str, categories: dict, clusters: dict) -> dict:
    if not isinstance(entry, dict) or not entry.get("code"):
        raise ReferenceDataError(f"{where}: a code is expected")
    where = f"{where} ({entry['code']})"
    for column, known in (("category", categories), ("cluster", clusters)):
        if entry.get(column) not in known:
            raise ReferenceDataError(f"{where}, {column}: unknown {column} {entry.get(column)!r}")
    if not isinstance(entry.get("year"), int):
        raise ReferenceDataError(f"{where}, year: {entry.get('year')!r} is not a year")
    row = {
        "code": str(entry["code"]),
        "year": entry["year"],
        "category": categories[entry["category"]],
        "cluster": clusters[entry["cluster"]],
        "note": str(entry.get("note") or ""),
    }
    for field in TEXT_FIELDS:
        texts = entry.get(field)
        missing = [
            code
            for code in LANGUAGE_CODES
            if not isinstance(texts, dict) or not str(texts.get(code) or "").strip()
        ]
        if missing or not isinstance(texts, dict):
            raise ReferenceDataError(f"{where}, {field}: no text in {', '.join(missing)}")
        row[field] = {code: str(texts[code]).strip() for code in LANGUAGE_CODES}
    return row


def _missing_languages_fill(
    model: type[models.Model], *, key: str, rows: list[dict], fields: tuple[str, ...]
) -> int:
    """Give existing rows the languages the file has and they lack, keeping every text they
    have (an administrator may have corrected it). Returns the number of rows completed."""
    existing = {getattr(obj, key): obj for obj in model._default_manager.all()}
    completed = []
    for values in rows:
        obj = existing[values[key]]
        changed = False
        for field in fields:
            current = getattr(obj, field) or {}
            merged = {**values[field], **{code: text for code, text in current.items() if text}}
            if merged != current:
                setattr(obj, field, merged)
                changed = True
        if changed:
            completed.append(obj)
    model._default_manager.bulk_update(completed, list(fields))
    return len(completed)


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
        "expertise": {
            "en": "Prison management and alternatives to imprisonment; training of prison staff.",
            "fr": "Gestion pénitentiaire et mesures de substitution à l'emprisonnement ; formation "
            "du personnel pénitentiaire.",
            "es": "Gestión penitenciaria y alternativas al encarcelamiento; capacitación del "
            "personal penitenciario.",
            "ru": "Управление пенитенциарными учреждениями и альтернативы тюремному заключению; "
            "подготовка персонала тюрем.",
            "zh-hans": "监狱管理和监禁替代办法；监狱工作人员培训。",
            "ar": "إدارة السجون وبدائل السجن؛ تدريب موظفي السجون.",
        },
        "availability": "available",
    },
    {
        "name": "Demo Expert Lucía Ferreyra (fictitious)",
        "nationality": "ARG",
        "clusters": ("a", "b"),
        "languages": ["es", "en", "pt"],
        "expertise": {
            "en": "Juvenile justice; legislative drafting on children in conflict with the law.",
            "fr": "Justice pour mineurs ; rédaction de textes législatifs sur les enfants en "
            "conflit avec la loi.",
            "es": "Justicia de menores; redacción legislativa sobre niños en conflicto con la ley.",
            "ru": "Правосудие в отношении несовершеннолетних; разработка законодательства о "
            "детях, находящихся в конфликте с законом.",
            "zh-hans": "少年司法；关于触法儿童的立法起草。",
            "ar": "قضاء الأحداث؛ صياغة التشريعات المتعلقة بالأطفال المخالفين للقانون.",
        },
        "availability": "limited",
    },
    {
        "name": "Demo Expert Karim Haddad (fictitious)",
        "nationality": "JOR",
        "clusters": ("b", "c"),
        "languages": ["ar", "en"],
        "expertise": {
            "en": "Police integrity and crime prevention planning in urban areas.",
            "fr": "Intégrité de la police et planification de la prévention du crime en milieu "
            "urbain.",
            "es": "Integridad policial y planificación de la prevención del delito en zonas urbanas.",
            "ru": "Добросовестность полиции и планирование предупреждения преступности в городах.",
            "zh-hans": "警察廉正和城市地区预防犯罪规划。",
            "ar": "نزاهة الشرطة وتخطيط منع الجريمة في المناطق الحضرية.",
        },
        "availability": "available",
    },
    {
        "name": "Demo Expert Olga Petrenko (fictitious)",
        "nationality": "UKR",
        "clusters": ("e",),
        "languages": ["ru", "en"],
        "expertise": {
            "en": "Extradition and mutual legal assistance; central authorities.",
            "fr": "Extradition et entraide judiciaire ; autorités centrales.",
            "es": "Extradición y asistencia judicial recíproca; autoridades centrales.",
            "ru": "Выдача и взаимная правовая помощь; центральные органы.",
            "zh-hans": "引渡和司法协助；中央机关。",
            "ar": "تسليم المطلوبين والمساعدة القانونية المتبادلة؛ السلطات المركزية.",
        },
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
        else:
            # A roster seeded before the expertise was written in six languages.
            completed = {**cast(dict, entry["expertise"]), **expert.expertise}
            if completed != expert.expertise:
                expert.expertise = completed
                expert.save(update_fields=["expertise"])
        results.append((expert, created))
    return results

"""Loading shipped reference files into the database, idempotently.

Rows are matched on their natural key. A missing row is created; an existing row is left as staff
may have corrected it in the admin, unless `update` asks to overwrite it from the file.
"""

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models


class ReferenceDataError(Exception):
    """A reference file is malformed; the message names the file, row and column."""


@dataclass
class LoadResult:
    model: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    created_keys: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.model}: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged"
        )


def read_csv(path: Path, *, required_columns: tuple[str, ...]) -> list[dict[str, Any]]:
    """The rows of a UTF-8 CSV file, each with its line number under "_line"."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required_columns if c not in (reader.fieldnames or [])]
        if missing:
            columns = "column" if len(missing) == 1 else "columns"
            raise ReferenceDataError(f"{path.name}: missing {columns} {', '.join(missing)}")
        rows = []
        for line, row in enumerate(reader, start=2):
            for column in required_columns:
                if row.get(column) is None:
                    raise ReferenceDataError(f"{path.name}, row {line}: column {column} is empty")
            rows.append({**row, "_line": line})
        return rows


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ReferenceDataError(f"{path.name}, line {error.lineno}: {error.msg}") from None


def upsert(
    model: type[models.Model], *, key: str, rows: list[dict[str, Any]], update: bool
) -> LoadResult:
    """Create the rows whose `key` is not in the table; with `update`, overwrite changed ones."""
    result = LoadResult(model=str(model._meta.verbose_name_plural).title())
    existing = {getattr(obj, key): obj for obj in model._default_manager.all()}
    to_create, to_update, fields = [], [], set()
    for values in rows:
        obj = existing.get(values[key])
        if obj is None:
            to_create.append(model(**values))
            result.created_keys.append(values[key])
            continue
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if update and changed:
            for name in changed:
                setattr(obj, name, values[name])
            fields.update(changed)
            to_update.append(obj)
        else:
            result.unchanged += 1
    model._default_manager.bulk_create(to_create)
    if to_update:
        model._default_manager.bulk_update(to_update, sorted(fields))
    result.created, result.updated = len(to_create), len(to_update)
    return result

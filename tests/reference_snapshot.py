"""The reference data back after a transactional test's flush, in a twentieth of the time of reading
its files again: the first time, it is loaded as usual and the tables then filled (with the content
types and permissions that the flush's post_migrate made) are copied to a schema of their own; each
later time those tables are emptied and filled again from the copies, in one transaction."""

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction

SCHEMA = "suite_reference_copy"
_copied: list[str] = []


def _filled_tables() -> list[str]:
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        filled = []
        for table in sorted(tables):
            cursor.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}")')  # noqa: S608 - Django's tables
            if cursor.fetchone()[0]:
                filled.append(table)
    return filled


def reference_data_restore() -> None:
    """Fill the emptied database with the reference data, as `load_reference_data` leaves it."""
    if connection.vendor != "postgresql":
        call_command("load_reference_data", verbosity=0)
        return
    if not _copied:
        call_command("load_reference_data", verbosity=0)
        tables = _filled_tables()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
            cursor.execute(f"CREATE SCHEMA {SCHEMA}")
            for table in tables:
                cursor.execute(f'CREATE TABLE {SCHEMA}."{table}" AS TABLE "{table}"')
        _copied.extend(tables)
        return
    with transaction.atomic(), connection.cursor() as cursor:
        # What the flush's post_migrate made again (content types, permissions) goes too: the
        # copies keep the numbers the copied groups' permissions refer to.
        cursor.execute("TRUNCATE " + ", ".join(f'"{table}"' for table in _copied) + " CASCADE")
        for table in _copied:
            cursor.execute(f'INSERT INTO "{table}" SELECT * FROM {SCHEMA}."{table}"')  # noqa: S608
    ContentType.objects.clear_cache()

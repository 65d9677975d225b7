"""The database refuses any change to a published report version, and its deletion, whatever code
path attempts it (services, admin, shell, SQL): what the Commission's delegations downloaded stays
what the portal serves. A new compilation is a new version, published beside it.

A published version may still go from "delegates" (an advance copy) to "public", recording who
made it public and when; nothing else about it changes, and it is never unpublished."""

from django.db import migrations

MESSAGE = "a published report version cannot change or be deleted"

# Its files, figures and everything that was asked for (the parameters), its job's outcome, and
# its publication: the audience only widens, and the publication facts change only then.
FROZEN_COLUMNS = (
    "pdf", "xlsx", "figures", "page_count", "symbol", "language", "number", "parameters_key",
    "title", "commission_session", "session_dates", "agenda_item", "category_id", "cluster_id",
    "reply_statuses", "status", "requested_by_id", "requested_at",
)  # fmt: skip

REPORT_CHANGE_REFUSED = """
    OLD.published_at IS NOT NULL AND (
        {columns}
        OR NEW.published_at IS NULL
        OR NEW.audience NOT IN (OLD.audience, 'public')
        OR (NEW.audience = OLD.audience AND (
            NEW.published_at {ne} OLD.published_at OR NEW.published_by_id {ne} OLD.published_by_id))
    )
"""

# The cycles and standards a published version was compiled from.
SCOPE_TABLES = ("reports_report_cycles", "reports_report_standards")
PUBLISHED = "(SELECT published_at FROM reports_report WHERE id = {row}.report_id) IS NOT NULL"


def _refused(ne: str, frozen: tuple[str, ...]) -> str:
    columns = " OR ".join(f"NEW.{column} {ne} OLD.{column}" for column in frozen)
    return REPORT_CHANGE_REFUSED.format(columns=columns, ne=ne)


def _postgresql(schema_editor, frozen):
    execute = schema_editor.execute
    execute(
        f"""
        CREATE OR REPLACE FUNCTION reports_refuse_published_report() RETURNS trigger AS $$
        BEGIN
            IF TG_OP = 'DELETE' AND OLD.published_at IS NOT NULL THEN
                RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF TG_OP = 'UPDATE' AND ({_refused("IS DISTINCT FROM", frozen)}) THEN
                RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END $$ LANGUAGE plpgsql;
        """
    )
    execute(
        "CREATE TRIGGER reports_report_published_frozen BEFORE UPDATE OR DELETE ON reports_report"
        " FOR EACH ROW EXECUTE FUNCTION reports_refuse_published_report()"
    )
    for table in SCOPE_TABLES:
        execute(
            f"""
            CREATE OR REPLACE FUNCTION {table}_refuse_published() RETURNS trigger AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') AND {PUBLISHED.format(row="OLD")} THEN
                    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') AND {PUBLISHED.format(row="NEW")} THEN
                    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                RETURN NEW;
            END $$ LANGUAGE plpgsql;
            """
        )
        execute(
            f"CREATE TRIGGER {table}_published BEFORE INSERT OR UPDATE OR DELETE ON {table}"
            f" FOR EACH ROW EXECUTE FUNCTION {table}_refuse_published()"
        )


def _sqlite(schema_editor, frozen):
    execute = schema_editor.execute
    refuse = f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    execute(
        "CREATE TRIGGER reports_report_published_update BEFORE UPDATE ON reports_report"
        f" WHEN {_refused('IS NOT', frozen)} {refuse}"
    )
    execute(
        "CREATE TRIGGER reports_report_published_delete BEFORE DELETE ON reports_report"
        f" WHEN OLD.published_at IS NOT NULL {refuse}"
    )
    for table in SCOPE_TABLES:
        old, new = PUBLISHED.format(row="OLD"), PUBLISHED.format(row="NEW")
        execute(
            f"CREATE TRIGGER {table}_published_insert BEFORE INSERT ON {table} WHEN {new} {refuse}"
        )
        execute(
            f"CREATE TRIGGER {table}_published_update BEFORE UPDATE ON {table}"
            f" WHEN {old} OR {new} {refuse}"
        )
        execute(
            f"CREATE TRIGGER {table}_published_delete BEFORE DELETE ON {table} WHEN {old} {refuse}"
        )


def create_triggers(apps, schema_editor, frozen=FROZEN_COLUMNS):
    # `frozen`: a later migration that changes the report's columns recreates the triggers.
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _postgresql(schema_editor, frozen)
    elif vendor == "sqlite":
        _sqlite(schema_editor, frozen)
    else:
        raise NotImplementedError(f"no published-report triggers for {vendor}")


def drop_triggers(apps, schema_editor):
    execute = schema_editor.execute
    if schema_editor.connection.vendor == "postgresql":
        execute("DROP TRIGGER IF EXISTS reports_report_published_frozen ON reports_report")
        execute("DROP FUNCTION IF EXISTS reports_refuse_published_report()")
        for table in SCOPE_TABLES:
            execute(f"DROP TRIGGER IF EXISTS {table}_published ON {table}")
            execute(f"DROP FUNCTION IF EXISTS {table}_refuse_published()")
    else:
        execute("DROP TRIGGER IF EXISTS reports_report_published_update")
        execute("DROP TRIGGER IF EXISTS reports_report_published_delete")
        for table in SCOPE_TABLES:
            for operation in ("insert", "update", "delete"):
                execute(f"DROP TRIGGER IF EXISTS {table}_published_{operation}")


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]

"""The database refuses any change to the content of a version that has been circulated for
consultation, approved or retired, whatever code path attempts it (forms, admin, shell, SQL)."""

from django.db import migrations

EDITABLE = "('draft', 'revised_draft')"
MESSAGE = "a questionnaire version that is in consultation, approved or retired cannot change"

# A frozen version may still move forward (consultation -> approved -> retired) and record its
# approval once; nothing else about it changes.
VERSION_CHANGE_REFUSED = """
    OLD.status NOT IN {editable} AND (
        NEW.questionnaire_id {ne} OLD.questionnaire_id OR NEW.number {ne} OLD.number
        OR NEW.title {ne} OLD.title OR NEW.original_language {ne} OLD.original_language
        OR NEW.based_on_id {ne} OLD.based_on_id OR NEW.change_log {ne} OLD.change_log
        OR NEW.status NOT IN ('consultation', 'approved', 'retired')
        OR (OLD.status = 'approved' AND NEW.status NOT IN ('approved', 'retired'))
        OR (OLD.status = 'retired' AND NEW.status <> 'retired')
        OR (OLD.status IN ('approved', 'retired') AND (
            NEW.approval_meeting {ne} OLD.approval_meeting
            OR NEW.approval_date {ne} OLD.approval_date
            OR NEW.approval_decision {ne} OLD.approval_decision
            OR NEW.approved_by_id {ne} OLD.approved_by_id))
    )
"""

# How each content table finds the status of the version its row belongs to.
CONTENT_TABLES = {
    "surveys_section": "SELECT status FROM surveys_questionnaireversion WHERE id = {row}.version_id",
    "surveys_question": "SELECT status FROM surveys_questionnaireversion WHERE id = {row}.version_id",
    "surveys_choice": (
        "SELECT v.status FROM surveys_question q JOIN surveys_questionnaireversion v"
        " ON v.id = q.version_id WHERE q.id = {row}.question_id"
    ),
    "surveys_questionstandard": (
        "SELECT v.status FROM surveys_question q JOIN surveys_questionnaireversion v"
        " ON v.id = q.version_id WHERE q.id = {row}.question_id"
    ),
}


def _postgresql(schema_editor):
    execute = schema_editor.execute
    execute(
        f"""
        CREATE OR REPLACE FUNCTION surveys_refuse_frozen_version() RETURNS trigger AS $$
        BEGIN
            IF TG_OP = 'DELETE' AND OLD.status NOT IN {EDITABLE} THEN
                RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF TG_OP = 'UPDATE' AND ({VERSION_CHANGE_REFUSED.format(editable=EDITABLE, ne="IS DISTINCT FROM")}) THEN
                RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END $$ LANGUAGE plpgsql;
        """
    )
    execute(
        "CREATE TRIGGER surveys_version_frozen BEFORE UPDATE OR DELETE ON surveys_questionnaireversion"
        " FOR EACH ROW EXECUTE FUNCTION surveys_refuse_frozen_version()"
    )
    for table, status_of in CONTENT_TABLES.items():
        execute(
            f"""
            CREATE OR REPLACE FUNCTION {table}_refuse_frozen() RETURNS trigger AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') AND ({status_of.format(row="OLD")}) NOT IN {EDITABLE} THEN
                    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') AND ({status_of.format(row="NEW")}) NOT IN {EDITABLE} THEN
                    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                RETURN NEW;
            END $$ LANGUAGE plpgsql;
            """
        )
        execute(
            f"CREATE TRIGGER {table}_frozen BEFORE INSERT OR UPDATE OR DELETE ON {table}"
            f" FOR EACH ROW EXECUTE FUNCTION {table}_refuse_frozen()"
        )


def _sqlite(schema_editor):
    execute = schema_editor.execute
    refuse = f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    execute(
        "CREATE TRIGGER surveys_version_frozen_update BEFORE UPDATE ON surveys_questionnaireversion"
        f" WHEN {VERSION_CHANGE_REFUSED.format(editable=EDITABLE, ne='IS NOT')} {refuse}"
    )
    execute(
        "CREATE TRIGGER surveys_version_frozen_delete BEFORE DELETE ON surveys_questionnaireversion"
        f" WHEN OLD.status NOT IN {EDITABLE} {refuse}"
    )
    for table, status_of in CONTENT_TABLES.items():
        old, new = status_of.format(row="OLD"), status_of.format(row="NEW")
        execute(
            f"CREATE TRIGGER {table}_frozen_insert BEFORE INSERT ON {table}"
            f" WHEN ({new}) NOT IN {EDITABLE} {refuse}"
        )
        execute(
            f"CREATE TRIGGER {table}_frozen_update BEFORE UPDATE ON {table}"
            f" WHEN ({old}) NOT IN {EDITABLE} OR ({new}) NOT IN {EDITABLE} {refuse}"
        )
        execute(
            f"CREATE TRIGGER {table}_frozen_delete BEFORE DELETE ON {table}"
            f" WHEN ({old}) NOT IN {EDITABLE} {refuse}"
        )


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _postgresql(schema_editor)
    elif vendor == "sqlite":
        _sqlite(schema_editor)
    else:
        raise NotImplementedError(f"no frozen-version triggers for {vendor}")


def drop_triggers(apps, schema_editor):
    execute = schema_editor.execute
    if schema_editor.connection.vendor == "postgresql":
        execute("DROP TRIGGER IF EXISTS surveys_version_frozen ON surveys_questionnaireversion")
        execute("DROP FUNCTION IF EXISTS surveys_refuse_frozen_version()")
        for table in CONTENT_TABLES:
            execute(f"DROP TRIGGER IF EXISTS {table}_frozen ON {table}")
            execute(f"DROP FUNCTION IF EXISTS {table}_refuse_frozen()")
    else:
        execute("DROP TRIGGER IF EXISTS surveys_version_frozen_update")
        execute("DROP TRIGGER IF EXISTS surveys_version_frozen_delete")
        for table in CONTENT_TABLES:
            for operation in ("insert", "update", "delete"):
                execute(f"DROP TRIGGER IF EXISTS {table}_frozen_{operation}")


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]

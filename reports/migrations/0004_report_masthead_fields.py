"""The masthead's session place and dates and agenda item as fields of their own: the item's number
(printed "Item 6 of the provisional agenda*") apart from its title."""

import importlib
import re
from functools import partial

from django.db import migrations, models

# The published-report triggers name the frozen columns: recreated around the change.
frozen = importlib.import_module("reports.migrations.0002_published_reports_frozen")
FROZEN_BEFORE = frozen.FROZEN_COLUMNS
FROZEN_AFTER = tuple(
    column for column in FROZEN_BEFORE if column not in ("session_dates", "agenda_item")
) + (
    "session_place", "session_opens_on", "session_closes_on", "agenda_item_number",
    "agenda_item_title",
)  # fmt: skip


def fill_masthead_fields(apps, schema_editor):
    Report = apps.get_model("reports", "Report")
    for report in Report.objects.all():
        item = report.agenda_item.strip()
        number = re.search(r"\d+", item)
        # "Item 6 of the provisional agenda: Use and application…" → 6, "Use and application…"
        title = item.split(":", 1)[1].strip() if ":" in item else ("" if number else item)
        report.agenda_item_number = int(number.group()) if number else None
        report.agenda_item_title = title[:300]
        report.session_place = report.session_dates.split(",", 1)[0].strip()[:100]
        report.save(update_fields=["agenda_item_number", "agenda_item_title", "session_place"])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_report_translations_needed"),
    ]

    operations = [
        migrations.RunPython(
            frozen.drop_triggers, partial(frozen.create_triggers, frozen=FROZEN_BEFORE)
        ),
        migrations.AddField(
            model_name="report",
            name="session_place",
            field=models.CharField(
                blank=True, help_text="e.g. Vienna", max_length=100, verbose_name="session place"
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="session_opens_on",
            field=models.DateField(blank=True, null=True, verbose_name="session opens on"),
        ),
        migrations.AddField(
            model_name="report",
            name="session_closes_on",
            field=models.DateField(blank=True, null=True, verbose_name="session closes on"),
        ),
        migrations.AddField(
            model_name="report",
            name="agenda_item_number",
            field=models.PositiveSmallIntegerField(
                help_text="The item's number on the provisional agenda",
                null=True,
                verbose_name="agenda item",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="agenda_item_title",
            field=models.CharField(
                blank=True,
                help_text=(
                    "e.g. Use and application of United Nations standards and norms in crime "
                    "prevention and criminal justice"
                ),
                max_length=300,
                verbose_name="agenda item title",
            ),
        ),
        migrations.RunPython(fill_masthead_fields, migrations.RunPython.noop),
        migrations.RemoveField(model_name="report", name="agenda_item"),
        migrations.RemoveField(model_name="report", name="session_dates"),
        migrations.RunPython(
            partial(frozen.create_triggers, frozen=FROZEN_AFTER), frozen.drop_triggers
        ),
    ]

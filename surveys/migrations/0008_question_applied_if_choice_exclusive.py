"""Meaning in the questionnaire (issue 12): the answers of a question that mean the standards it
asks about are applied (its indicators of application, reverse-worded questions included), and the
options ("None of these") that exclude the others. On SQLite adding a column remakes the table,
which the triggers that freeze circulated versions would break: they are dropped first and made
again afterwards (the same on PostgreSQL, where they would have stayed)."""

import importlib

from django.db import migrations, models

frozen = importlib.import_module("surveys.migrations.0002_frozen_versions")


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0007_multilingual_notes"),
    ]

    operations = [
        migrations.RunPython(frozen.drop_triggers, frozen.create_triggers),
        migrations.AddField(
            model_name="choice",
            name="exclusive",
            field=models.BooleanField(default=False, verbose_name="excludes the other options"),
        ),
        migrations.AddField(
            model_name="question",
            name="applied_if",
            field=models.JSONField(
                blank=True, default=list, verbose_name="answers meaning the standard is applied"
            ),
        ),
        migrations.RunPython(frozen.create_triggers, frozen.drop_triggers),
    ]

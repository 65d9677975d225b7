"""A question keeps a text shown before it, in each language (issue 14): an XLSForm note in the
middle of a section is read into the question it leads to and written back before it. On SQLite
adding a column remakes the table, which the triggers that freeze circulated versions would
break: they are dropped first and made again afterwards, as in 0010."""

import importlib

from django.db import migrations

import portal.multilingual

frozen = importlib.import_module("surveys.migrations.0002_frozen_versions")


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0013_assistance_outcome"),
    ]

    operations = [
        migrations.RunPython(frozen.drop_triggers, frozen.create_triggers),
        migrations.AddField(
            model_name="question",
            name="lead_in",
            field=portal.multilingual.MultilingualTextField(
                blank=True, multiline=True, verbose_name="text shown before the question"
            ),
        ),
        migrations.RunPython(frozen.create_triggers, frozen.drop_triggers),
    ]

"""A question keeps two XLSForm columns for the round trip with KoboToolbox and ODK (issue 14): the
message shown when an answer is outside its bounds (constraint_message, in each language) and the
question's appearance. On SQLite adding a column remakes the table, which the triggers that
freeze circulated versions would break: they are dropped first and made again afterwards, as in
0008 and 0009."""

import importlib

from django.db import migrations, models

import portal.multilingual

frozen = importlib.import_module("surveys.migrations.0002_frozen_versions")


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0009_question_part_of"),
    ]

    operations = [
        migrations.RunPython(frozen.drop_triggers, frozen.create_triggers),
        migrations.AddField(
            model_name="question",
            name="constraint_message",
            field=portal.multilingual.MultilingualTextField(
                blank=True, default=dict, verbose_name="message when out of bounds"
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="appearance",
            field=models.CharField(blank=True, max_length=100, verbose_name="appearance (XLSForm)"),
        ),
        migrations.RunPython(frozen.create_triggers, frozen.drop_triggers),
    ]

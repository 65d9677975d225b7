"""A number question can name the earlier number question whose total it is part of ("Of these,
how many are women?" is part of A.1), so that a report states its share of that total (issue 12).
On SQLite adding a column remakes the table, which the triggers that freeze circulated versions
would break: they are dropped first and made again afterwards, as in 0008."""

import importlib

from django.db import migrations, models

frozen = importlib.import_module("surveys.migrations.0002_frozen_versions")


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0008_question_applied_if_choice_exclusive"),
    ]

    operations = [
        migrations.RunPython(frozen.drop_triggers, frozen.create_triggers),
        migrations.AddField(
            model_name="question",
            name="part_of",
            field=models.CharField(
                blank=True, max_length=20, verbose_name="part of the total of question"
            ),
        ),
        migrations.RunPython(frozen.create_triggers, frozen.drop_triggers),
    ]

"""Cycles that build on each other (issue 18, item 4): an answer pre-filled from the respondent's
earlier reply records the earlier answer and that reply's date, and stays to be confirmed; the
history names the pre-fill as its own channel; an author marks a question changed in meaning.
On SQLite adding a column to the question table remakes it, which the triggers that freeze
circulated versions would break: they are dropped first and made again afterwards, as in 0010."""

import importlib

import django.db.models.deletion
from django.db import migrations, models

frozen = importlib.import_module("surveys.migrations.0002_frozen_versions")


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0011_situation_list"),
    ]

    operations = [
        migrations.RunPython(frozen.drop_triggers, frozen.create_triggers),
        migrations.AddField(
            model_name="answer",
            name="carried_date",
            field=models.DateField(blank=True, null=True, verbose_name="from the reply of"),
        ),
        migrations.AddField(
            model_name="answer",
            name="carried_from",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="surveys.answer",
            ),
        ),
        migrations.AddField(
            model_name="answer",
            name="to_confirm",
            field=models.BooleanField(default=False, verbose_name="to be confirmed"),
        ),
        migrations.AddField(
            model_name="question",
            name="meaning_changed",
            field=models.BooleanField(default=False, verbose_name="changed in meaning"),
        ),
        migrations.AlterField(
            model_name="answerchange",
            name="channel",
            field=models.CharField(
                choices=[
                    ("web", "Form"),
                    ("autosave", "Autosave"),
                    ("xlsx", "XLSX upload"),
                    ("staff", "Correction by the Secretariat"),
                    ("prefill", "Carried over from the previous reply"),
                ],
                max_length=10,
                verbose_name="channel",
            ),
        ),
        migrations.RunPython(frozen.create_triggers, frozen.drop_triggers),
    ]

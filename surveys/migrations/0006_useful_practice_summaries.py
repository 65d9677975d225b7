"""A featured useful practice's short summary is written in the six languages (issue 11): each
report prints the summary in its own language. The summary written so far is kept in the
language it was marked as written in."""

from django.db import migrations

import portal.multilingual


def fill_summaries(apps, schema_editor):
    UsefulPractice = apps.get_model("surveys", "UsefulPractice")
    for practice in UsefulPractice.objects.exclude(summary=""):
        practice.summaries = {practice.summary_language or "en": practice.summary}
        practice.save(update_fields=["summaries"])


class Migration(migrations.Migration):
    dependencies = [("surveys", "0005_multilingual_staff_texts")]

    operations = [
        migrations.AddField(
            model_name="usefulpractice",
            name="summaries",
            field=portal.multilingual.MultilingualTextField(
                blank=True, multiline=True, verbose_name="short summary"
            ),
        ),
        migrations.RunPython(fill_summaries, migrations.RunPython.noop),
        migrations.RemoveField(model_name="usefulpractice", name="summary"),
        migrations.RemoveField(model_name="usefulpractice", name="summary_language"),
        migrations.RenameField(
            model_name="usefulpractice", old_name="summaries", new_name="summary"
        ),
    ]

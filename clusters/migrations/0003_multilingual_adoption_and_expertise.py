# The adopting resolution and an expert's expertise become texts in the six languages, and a
# standard gains a description. The old text columns stay until 0004 has copied them.

from django.db import migrations

import portal.multilingual


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0002_expert"),
    ]

    operations = [
        migrations.AddField(
            model_name="standard",
            name="description",
            field=portal.multilingual.MultilingualTextField(
                blank=True,
                help_text="One or two sentences: what the instrument covers.",
                multiline=True,
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="standard",
            name="adopted_by_texts",
            field=portal.multilingual.MultilingualTextField(blank=True),
        ),
        migrations.AddField(
            model_name="expert",
            name="expertise_texts",
            field=portal.multilingual.MultilingualTextField(blank=True, multiline=True),
        ),
    ]

# The multilingual columns filled by 0004 replace the old text columns.

from django.db import migrations

import portal.multilingual


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0004_fill_multilingual_adoption_and_expertise"),
    ]

    operations = [
        migrations.RemoveField(model_name="standard", name="adopted_by"),
        migrations.RenameField(
            model_name="standard", old_name="adopted_by_texts", new_name="adopted_by"
        ),
        migrations.AlterField(
            model_name="standard",
            name="adopted_by",
            field=portal.multilingual.MultilingualTextField(
                help_text=(
                    "The adopting resolution or body, as written in running text, e.g. General "
                    "Assembly resolution 45/110."
                ),
                verbose_name="adopted by",
            ),
        ),
        migrations.RemoveField(model_name="expert", name="expertise"),
        migrations.RenameField(
            model_name="expert", old_name="expertise_texts", new_name="expertise"
        ),
        migrations.AlterField(
            model_name="expert",
            name="expertise",
            field=portal.multilingual.MultilingualTextField(
                multiline=True, verbose_name="expertise"
            ),
        ),
    ]

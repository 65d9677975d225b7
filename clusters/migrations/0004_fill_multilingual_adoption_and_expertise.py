# Copies each standard's adopting resolution (English) and each expert's expertise into the
# multilingual columns. An expertise is filed under the language its script shows (Arabic,
# Chinese, Cyrillic), else under English, French or Spanish, the first of them (in that order) the
# expert works in.

import unicodedata

from django.db import migrations

SCRIPTS = (("ARABIC", "ar"), ("CJK", "zh-hans"), ("CYRILLIC", "ru"))


def expertise_language(text, languages):
    for character in text:
        if character.isalpha():
            name = unicodedata.name(character, "")
            for script, code in SCRIPTS:
                if name.startswith(script):
                    return code
            break
    for code in ("en", "fr", "es"):
        if code in (languages or []):
            return code
    return "en"


def fill(apps, schema_editor):
    Standard = apps.get_model("clusters", "Standard")
    Expert = apps.get_model("clusters", "Expert")
    standards = list(Standard.objects.all())
    for standard in standards:
        standard.adopted_by_texts = {"en": standard.adopted_by} if standard.adopted_by else {}
    Standard.objects.bulk_update(standards, ["adopted_by_texts"])
    experts = list(Expert.objects.all())
    for expert in experts:
        text = (expert.expertise or "").strip()
        expert.expertise_texts = {expertise_language(text, expert.languages): text} if text else {}
    Expert.objects.bulk_update(experts, ["expertise_texts"])


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0003_multilingual_adoption_and_expertise"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]

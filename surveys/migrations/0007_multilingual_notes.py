"""The notes the Secretariat writes to one respondent become multilingual too (issue 11): the
note sent with a return for clarification (or an acceptance) and the note on a consultation
comment's resolution, written in the languages its contact persons read. What was written is
kept as the English text."""

import json

from django.db import migrations

import portal.multilingual

FIELDS = [
    ("replyevent", "note", "note"),
    ("consultationcomment", "resolution_note", "note on the resolution"),
]


def _wrapped(apps, schema_editor):
    for model_name, field, _label in FIELDS:
        model = apps.get_model("surveys", model_name)
        for pk, value in model.objects.exclude(**{field: ""}).values_list("pk", field):
            model.objects.filter(pk=pk).update(
                **{field: json.dumps({"en": value}, ensure_ascii=False)}
            )
        model.objects.filter(**{field: ""}).update(**{field: "{}"})
    # PostgreSQL alters no table with deferred constraint checks pending: run them now.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _unwrapped(apps, schema_editor):
    for model_name, field, _label in FIELDS:
        model = apps.get_model("surveys", model_name)
        for pk, value in model.objects.values_list("pk", field):
            texts = json.loads(value) if isinstance(value, str) and value else {}
            text = (texts.get("en") or next(iter(texts.values()), "")) if texts else ""
            model.objects.filter(pk=pk).update(**{field: text})
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [("surveys", "0006_useful_practice_summaries")]

    operations = [
        migrations.RunPython(_wrapped, _unwrapped),
        *[
            migrations.AlterField(
                model_name,
                field,
                portal.multilingual.MultilingualTextField(
                    blank=True, multiline=True, verbose_name=label
                ),
            )
            for model_name, field, label in FIELDS
        ],
    ]

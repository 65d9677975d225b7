"""Texts the Secretariat writes for others to read become multilingual (issue 11): a cycle's title
and Commission session and a consultation's note to the invited. What was written is kept as the English text. A
cycle also records who opened it with texts missing in a language of its respondents, and why."""

import json

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import portal.multilingual

# (model, field, blank): each is widened to text, its value wrapped as {"en": value}, then made a
# JSON field (PostgreSQL casts the text to jsonb).
FIELDS = [
    ("cycle", "title", False),
    ("cycle", "commission_session", False),
    ("consultation", "note", True),
]


def _checks_now(schema_editor):
    """PostgreSQL refuses to alter a table with deferred constraint checks pending from the
    updates in the same transaction: run them now."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _wrapped(apps, schema_editor):
    for model_name, field, _blank in FIELDS:
        model = apps.get_model("surveys", model_name)
        for pk, value in model.objects.values_list("pk", field):
            texts = {"en": value} if value else {}
            model.objects.filter(pk=pk).update(**{field: json.dumps(texts, ensure_ascii=False)})
    _checks_now(schema_editor)


def _unwrapped(apps, schema_editor):
    for model_name, field, _blank in FIELDS:
        model = apps.get_model("surveys", model_name)
        for pk, value in model.objects.values_list("pk", field):
            texts = json.loads(value) if isinstance(value, str) and value else (value or {})
            text = texts.get("en") or next(iter(texts.values()), "") if texts else ""
            model.objects.filter(pk=pk).update(**{field: text})
    _checks_now(schema_editor)


def _as_text():
    return [
        migrations.AlterField(model_name, field, models.TextField(blank=True))
        for model_name, field, _blank in FIELDS
    ]


def _as_multilingual():
    field = portal.multilingual.MultilingualTextField
    final = {
        ("cycle", "title"): field(verbose_name="title"),
        ("cycle", "commission_session"): field(
            help_text=(
                "The session of the Commission whose report the replies feed, e.g. "
                "thirty-sixth session (2027)."
            ),
            verbose_name="Commission session",
        ),
        ("consultation", "note"): field(
            blank=True, multiline=True, verbose_name="note to the invited"
        ),
    }
    return [
        migrations.AlterField(model_name, name, final[model_name, name])
        for model_name, name, _blank in FIELDS
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0004_review_coding_assistance"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        *_as_text(),
        migrations.RunPython(_wrapped, _unwrapped),
        *_as_multilingual(),
        migrations.AddField(
            model_name="cycle",
            name="untranslated_languages",
            field=models.JSONField(
                blank=True, default=list, verbose_name="languages with missing texts when opened"
            ),
        ),
        migrations.AddField(
            model_name="cycle",
            name="language_override_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="opened with missing texts by",
            ),
        ),
        migrations.AddField(
            model_name="cycle",
            name="language_override_reason",
            field=models.TextField(
                blank=True, verbose_name="why the cycle was opened with missing texts"
            ),
        ),
        migrations.AlterModelOptions(
            name="cycle",
            options={
                "ordering": ["-opens_on", "pk"],
                "verbose_name": "cycle",
                "verbose_name_plural": "cycles",
            },
        ),
    ]

"""What each endpoint answers. Texts of the catalogue and the questionnaires come in the language
asked for (`?language=`), else the reader's."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from portal.multilingual import in_language


@extend_schema_field(OpenApiTypes.STR)
class _InLanguage(serializers.Field):
    """A multilingual text (a dict by language) in the serializer's `language`."""

    def to_representation(self, value) -> str:
        return in_language(value, self.context["language"])


class _Letter(serializers.Serializer):
    letter = serializers.CharField()
    title = _InLanguage()


class StandardSerializer(serializers.Serializer):
    code = serializers.CharField()
    short_name = _InLanguage()
    title = _InLanguage()
    description = _InLanguage()
    adopted_by = _InLanguage()
    year = serializers.IntegerField()
    category = _Letter()
    cluster = _Letter()


class ReportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    symbol = serializers.CharField()
    title = serializers.CharField()
    language = serializers.CharField()
    version = serializers.IntegerField(source="number")
    commission_session = serializers.CharField()
    agenda_item_number = serializers.IntegerField()
    published_at = serializers.DateTimeField()
    pdf = serializers.SerializerMethodField()
    xlsx = serializers.SerializerMethodField()

    def get_pdf(self, report) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("reports:library_pdf", args=[report.pk])
        )

    def get_xlsx(self, report) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("reports:library_xlsx", args=[report.pk])
        )


class PublishedCycleSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="cycle.pk")
    title = serializers.SerializerMethodField()
    questionnaire = serializers.CharField(source="cycle.version.questionnaire.code")
    questionnaire_title = serializers.CharField(source="title")
    version = serializers.IntegerField(source="cycle.version.number")
    opens_on = serializers.DateField(source="cycle.opens_on")
    deadline = serializers.DateField(source="cycle.deadline")
    published_replies = serializers.IntegerField(source="reply_count")
    downloads = serializers.SerializerMethodField()

    def get_title(self, summary) -> str:
        return summary.cycle.title_in(self.context["language"])

    def get_downloads(self, summary) -> dict[str, str]:
        request, language = self.context["request"], self.context["language"]
        return {
            kind: request.build_absolute_uri(
                reverse("opendata:cycle_download", args=[summary.cycle.pk, kind])
                + f"?language={language}"
            )
            for kind in ("csv", "xlsx", "json")
        }


class PublishedAnswerSerializer(serializers.Serializer):
    """One row of the open data (opendata.selectors.COLUMNS)."""

    cycle = serializers.IntegerField()
    questionnaire = serializers.CharField()
    version = serializers.IntegerField()
    respondent = serializers.CharField()
    respondent_name = serializers.CharField()
    submission = serializers.IntegerField()
    submitted_on = serializers.DateField()
    section = serializers.CharField()
    question = serializers.CharField()
    question_type = serializers.CharField()
    question_text = serializers.CharField()
    item = serializers.CharField(allow_blank=True)
    item_label = serializers.CharField(allow_blank=True)
    value = serializers.CharField()
    value_label = serializers.CharField(allow_blank=True)
    other_text = serializers.CharField(allow_blank=True)


class AnswerValueSerializer(serializers.Serializer):
    question = serializers.CharField(source="question.code")
    value = serializers.JSONField(
        help_text="As stored: a choice's code, a list of codes, a number as text, a date, text, or a table {row: column}."
    )
    other_text = serializers.CharField()
    revision = serializers.IntegerField()
    updated_at = serializers.DateTimeField()


class ReplySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    respondent = serializers.CharField(source="respondent.code")
    respondent_name = serializers.SerializerMethodField()
    status = serializers.CharField()
    may_publish = serializers.BooleanField(allow_null=True)
    started_at = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField()
    answers = AnswerValueSerializer(many=True, source="answer_list")

    def get_respondent_name(self, reply) -> str:
        return reply.respondent.list_name(self.context["language"])


class CodingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reply = serializers.IntegerField(source="answer.reply_id")
    respondent = serializers.CharField(source="answer.reply.respondent.code")
    question = serializers.CharField(source="answer.question.code")
    theme = serializers.CharField(source="theme.code")
    theme_kind = serializers.CharField(source="theme.kind")
    theme_label = serializers.SerializerMethodField()
    decision = serializers.CharField()
    suggested = serializers.BooleanField()
    decided_at = serializers.DateTimeField()

    def get_theme_label(self, coding) -> str:
        return in_language(coding.theme.label, self.context["language"])


class AssistanceRequestSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reply = serializers.IntegerField(source="reply_id")
    respondent = serializers.CharField(source="respondent.code")
    question = serializers.SerializerMethodField()
    cluster = serializers.CharField(source="cluster.letter", allow_null=True, default=None)
    area = serializers.CharField(source="area.code", allow_null=True, default=None)
    standards = serializers.SerializerMethodField()
    description = serializers.CharField()
    language = serializers.CharField()
    priority = serializers.IntegerField()
    status = serializers.CharField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def get_question(self, request) -> str | None:
        return request.answer.question.code if request.answer_id else None

    def get_standards(self, request) -> list[str]:
        return [s.code for s in request.standards.all()]

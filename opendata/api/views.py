"""The read API (issue 18), documented by its OpenAPI 3 schema (/api/v1/schema/) and the page
that renders it (/api/v1/docs/).

Public endpoints (no token): the catalogue of standards and norms, the published reports, the
published replies. Staff endpoints (a token of a reviewer or administrator with the scope the
endpoint names): every reply, coding decision and technical-assistance request of a cycle. Every
request made with a token, and every refusal, goes to the security log. Lists are paginated
(`page`, `page_size` up to 1000) and make a fixed number of queries.
"""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer

from clusters.models import Standard
from opendata.api import serializers
from opendata.api.authentication import ApiTokenAuthentication, HasScope
from opendata.models import ApiToken, Scope
from opendata.selectors import cycles_with_open_data, published_answers, published_cycle
from opendata.services import api_use_record, api_use_refused
from portal.multilingual import LANGUAGE_CODES, language_code
from reports.models import Audience, Report
from surveys.models import (
    Answer,
    AnswerTheme,
    AssistanceRequest,
    Cycle,
    Reply,
    ReplyStatus,
    RequestStatus,
)

CYCLE = OpenApiParameter(
    "cycle", OpenApiTypes.INT, OpenApiParameter.PATH, description=_("The cycle's number.")
)
LANGUAGE = OpenApiParameter(
    "language",
    OpenApiTypes.STR,
    enum=list(LANGUAGE_CODES),
    description=_("Language of the texts (en, fr, es, ru, zh-hans, ar); default: the reader's."),
)


class Pages(PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000


# Every endpoint: JSON, tokens checked, each use of a token logged. (No docstring: the schema
# would take it for each endpoint's description.)
class ApiView(ListAPIView):
    authentication_classes = [ApiTokenAuthentication]
    renderer_classes = [JSONRenderer]
    permission_classes = [AllowAny]
    pagination_class = Pages
    schema = AutoSchema()
    required_scope: str | None = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if isinstance(request.auth, ApiToken):
            api_use_record(request=request._request, token=request.auth)

    def permission_denied(self, request, message=None, code=None):
        if isinstance(request.auth, ApiToken):
            reason = f"scope {self.required_scope} not given"
            api_use_refused(request=request._request, token=request.auth, reason=reason)
        super().permission_denied(request, message, code)

    def language(self) -> str:
        wanted = self.request.query_params.get("language")
        if wanted is None:
            return language_code()
        if wanted not in LANGUAGE_CODES:
            raise ValidationError({"language": f"One of {', '.join(LANGUAGE_CODES)}."})
        return wanted

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "language": self.language()}


class StaffView(ApiView):
    permission_classes = [HasScope]

    def cycle(self) -> Cycle:
        return get_object_or_404(Cycle, pk=self.kwargs["cycle"])


# --- Public -------------------------------------------------------------------------------------


@extend_schema(
    tags=["public"],
    summary=_("The catalogue of standards and norms"),
    description=_("Every standard with its adopting resolution, category and cluster."),
    parameters=[LANGUAGE],
)
class StandardList(ApiView):
    serializer_class = serializers.StandardSerializer
    queryset = Standard.objects.select_related("category", "cluster").order_by(
        "cluster__priority", "year", "code"
    )


@extend_schema(
    tags=["public"],
    summary=_("The reports published to everyone"),
    description=_("Each version with the addresses of its PDF and its statistical annex (XLSX)."),
)
class ReportList(ApiView):
    serializer_class = serializers.ReportSerializer

    def get_queryset(self) -> QuerySet[Report]:
        return Report.objects.filter(published_at__isnull=False, audience=Audience.PUBLIC).order_by(
            "-published_at", "pk"
        )


@extend_schema(
    tags=["public"],
    summary=_("The cycles with published replies"),
    description=_("With how many replies were published and the addresses of the open data."),
    parameters=[LANGUAGE],
)
class PublishedCycleList(ApiView):
    serializer_class = serializers.PublishedCycleSerializer

    def get_queryset(self):
        return cycles_with_open_data(language=self.language())


@extend_schema(
    tags=["public"],
    summary=_("The published answers of a cycle"),
    description=_(
        "The answers of the replies that respondents agreed to publish, as submitted: one row "
        "per respondent and question (and table row), with the questionnaire's codes and labels."
    ),
    parameters=[
        CYCLE,
        LANGUAGE,
        OpenApiParameter("respondent", OpenApiTypes.STR, description=_("A respondent's code.")),
        OpenApiParameter("question", OpenApiTypes.STR, description=_("A question's code.")),
    ],
)
class PublishedAnswerList(ApiView):
    serializer_class = serializers.PublishedAnswerSerializer

    def get_queryset(self):
        params = self.request.query_params
        return published_answers(
            cycle=published_cycle(pk=self.kwargs["cycle"]),
            language=self.language(),
            respondent=params.get("respondent") or None,
            question=params.get("question") or None,
        ).rows


# --- Staff (a token with a scope) ---------------------------------------------------------------

REPLY_STATUS = OpenApiParameter(
    "status", OpenApiTypes.STR, enum=ReplyStatus.values, description=_("Only this status.")
)
REQUEST_STATUS = OpenApiParameter(
    "status", OpenApiTypes.STR, enum=RequestStatus.values, description=_("Only this status.")
)
RESPONDENT = OpenApiParameter("respondent", OpenApiTypes.STR, description=_("A respondent's code."))


@extend_schema(
    tags=["staff"],
    summary=_("Every reply of a cycle"),
    description=_(
        "Each reply with its current answers (corrections by the Secretariat included). Needs a "
        "token with the scope “replies”."
    ),
    parameters=[CYCLE, LANGUAGE, REPLY_STATUS, RESPONDENT],
    extensions={"x-required-scope": Scope.REPLIES.value},
)
class CycleReplyList(StaffView):
    serializer_class = serializers.ReplySerializer
    required_scope = Scope.REPLIES

    def get_queryset(self) -> QuerySet[Reply]:
        params = self.request.query_params
        replies = (
            Reply.objects.filter(cycle=self.cycle())
            .select_related("respondent")
            .prefetch_related(
                Prefetch(
                    "answers",
                    queryset=Answer.objects.select_related("question").order_by(
                        "question__section__order", "question__order"
                    ),
                    to_attr="answer_list",
                )
            )
            .order_by("respondent__code")
        )
        if params.get("status"):
            replies = replies.filter(status=params["status"])
        if params.get("respondent"):
            replies = replies.filter(respondent__code=params["respondent"])
        return replies


@extend_schema(
    tags=["staff"],
    summary=_("The coding of a cycle's answers"),
    description=_(
        "Each decision that an answer speaks of a theme of the codebook (accepted) or not "
        "(rejected). Needs a token with the scope “coding”."
    ),
    parameters=[
        CYCLE,
        LANGUAGE,
        RESPONDENT,
        OpenApiParameter("question", OpenApiTypes.STR, description=_("A question's code.")),
        OpenApiParameter("theme", OpenApiTypes.STR, description=_("A theme's code.")),
        OpenApiParameter("decision", OpenApiTypes.STR, enum=["accepted", "rejected"]),
    ],
    extensions={"x-required-scope": Scope.CODING.value},
)
class CycleCodingList(StaffView):
    serializer_class = serializers.CodingSerializer
    required_scope = Scope.CODING

    def get_queryset(self) -> QuerySet[AnswerTheme]:
        params = self.request.query_params
        codings = (
            AnswerTheme.objects.filter(answer__reply__cycle=self.cycle())
            .select_related("answer__reply__respondent", "answer__question", "theme")
            .order_by("answer__reply__respondent__code", "answer__question__code", "theme__code")
        )
        filters = {
            "respondent": "answer__reply__respondent__code",
            "question": "answer__question__code",
            "theme": "theme__code",
            "decision": "decision",
        }
        for param, lookup in filters.items():
            if params.get(param):
                codings = codings.filter(**{lookup: params[param]})
        return codings


@extend_schema(
    tags=["staff"],
    summary=_("The technical-assistance requests of a cycle"),
    description=_("Needs a token with the scope “assistance”."),
    parameters=[CYCLE, REQUEST_STATUS, RESPONDENT],
    extensions={"x-required-scope": Scope.ASSISTANCE.value},
)
class CycleAssistanceList(StaffView):
    serializer_class = serializers.AssistanceRequestSerializer
    required_scope = Scope.ASSISTANCE

    def get_queryset(self) -> QuerySet[AssistanceRequest]:
        params = self.request.query_params
        requests = (
            AssistanceRequest.objects.filter(reply__cycle=self.cycle())
            .select_related("respondent", "cluster", "area", "answer__question")
            .prefetch_related("standards")
            .order_by("pk")
        )
        if params.get("status"):
            requests = requests.filter(status=params["status"])
        if params.get("respondent"):
            requests = requests.filter(respondent__code=params["respondent"])
        return requests

from django.urls import path

from opendata.api import views
from opendata.api.docs import api_docs
from opendata.api.schema import SchemaView

app_name = "api"
urlpatterns = [
    path("catalogue/standards/", views.StandardList.as_view(), name="standards"),
    path("reports/", views.ReportList.as_view(), name="reports"),
    path("published-replies/cycles/", views.PublishedCycleList.as_view(), name="published_cycles"),
    path(
        "published-replies/cycles/<int:cycle>/answers/",
        views.PublishedAnswerList.as_view(),
        name="published_answers",
    ),
    path("cycles/<int:cycle>/replies/", views.CycleReplyList.as_view(), name="cycle_replies"),
    path("cycles/<int:cycle>/coding/", views.CycleCodingList.as_view(), name="cycle_coding"),
    path(
        "cycles/<int:cycle>/assistance-requests/",
        views.CycleAssistanceList.as_view(),
        name="cycle_assistance",
    ),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", api_docs, name="docs"),
]

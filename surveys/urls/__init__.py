"""The questionnaire pages, one module per area; every name lives in the "surveys" namespace."""

from surveys.urls import (
    answering,
    assistance,
    authoring,
    coding,
    consultation,
    cycles,
    exchange,
    extracts,
    offline,
    printing,
    review,
    submission,
)

app_name = "surveys"
urlpatterns = [
    *authoring.urlpatterns,
    *exchange.urlpatterns,
    *consultation.urlpatterns,
    *printing.urlpatterns,
    *cycles.urlpatterns,
    *answering.urlpatterns,
    *submission.urlpatterns,
    *offline.urlpatterns,
    *review.urlpatterns,
    *coding.urlpatterns,
    *assistance.urlpatterns,
    *extracts.urlpatterns,
]

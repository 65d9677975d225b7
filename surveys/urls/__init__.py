"""The questionnaire pages, one module per area; every name lives in the "surveys" namespace."""

from surveys.urls import authoring, consultation, exchange, printing

app_name = "surveys"
urlpatterns = [
    *authoring.urlpatterns,
    *exchange.urlpatterns,
    *consultation.urlpatterns,
    *printing.urlpatterns,
]

from django.urls import path

from surveys.exchange import views as exchange

urlpatterns = [
    path("import/", exchange.questionnaire_import_view, name="questionnaire_import"),
    path("versions/<int:pk>/xlsx/", exchange.version_export_view, name="version_export"),
]

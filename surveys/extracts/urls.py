from django.urls import path

from surveys.extracts import views as extracts

urlpatterns = [
    path("cycles/<int:pk>/extracts/", extracts.extract_index, name="extract_index"),
    path("cycles/<int:pk>/extracts/new/", extracts.extract_request, name="extract_request"),
    path("extracts/<int:pk>/retry/", extracts.extract_retry, name="extract_retry"),
    path("extracts/<int:pk>/download/", extracts.extract_download, name="extract_download"),
]

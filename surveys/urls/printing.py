from django.urls import path

from surveys.views import printing

urlpatterns = [
    path("versions/<int:pk>/pdf/", printing.version_pdf, name="version_pdf"),
]

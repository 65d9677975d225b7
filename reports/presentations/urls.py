from django.urls import path

from reports.presentations import views as presentations

urlpatterns: list = [
    path("presentations/", presentations.presentation_index, name="presentation_index"),
    path("presentations/new/", presentations.presentation_create, name="presentation_create"),
    path("presentations/<int:pk>/", presentations.presentation_detail, name="presentation_detail"),
    path(
        "presentations/<int:pk>/progress/",
        presentations.presentation_progress,
        name="presentation_progress",
    ),
    path(
        "presentations/<int:pk>/retry/", presentations.presentation_retry, name="presentation_retry"
    ),
    path(
        "presentations/<int:pk>/again/", presentations.presentation_again, name="presentation_again"
    ),
    path("presentations/<int:pk>/pdf/", presentations.presentation_pdf, name="presentation_pdf"),
    path(
        "presentations/<int:pk>/publish/",
        presentations.presentation_publish_view,
        name="presentation_publish",
    ),
    path(
        "library/presentations/<int:pk>/pdf/",
        presentations.library_presentation_pdf,
        name="library_presentation_pdf",
    ),
]

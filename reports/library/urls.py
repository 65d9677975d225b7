from django.urls import path

from reports.library import views as library

urlpatterns: list = [
    path("library/", library.library, name="library"),
    path("library/<int:pk>/pdf/", library.library_pdf, name="library_pdf"),
    path("library/<int:pk>/xlsx/", library.library_xlsx, name="library_xlsx"),
    path("<int:pk>/publish/", library.report_publish_view, name="report_publish"),
    path("replies/", library.published_reply_index, name="published_replies"),
    path("replies/<int:pk>/", library.published_reply, name="published_reply"),
    path("replies/<int:pk>/pdf/", library.published_reply_pdf, name="published_reply_pdf"),
    path(
        "replies/cycles/<int:cycle_pk>/questions/<str:code>/",
        library.published_question,
        name="published_question",
    ),
    path(
        "standards/<slug:code>/",
        library.standard_questions_view,
        name="standard_questions",
    ),
]

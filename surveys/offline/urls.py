from django.urls import path

from surveys.offline import views as offline

urlpatterns = [
    path("replies/<int:pk>/xlsx/", offline.reply_xlsx_download, name="reply_xlsx_download"),
    path("replies/<int:pk>/xlsx/upload/", offline.reply_xlsx_upload, name="reply_xlsx_upload"),
    path(
        "replies/<int:pk>/xlsx/upload/<str:token>/",
        offline.reply_xlsx_preview,
        name="reply_xlsx_preview",
    ),
]

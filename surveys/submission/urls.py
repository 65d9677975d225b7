from django.urls import path

from surveys.submission import views as submission

urlpatterns = [
    path("replies/<int:pk>/attachments/", submission.reply_attachments, name="reply_attachments"),
    path("attachments/<str:token>/", submission.attachment_download, name="attachment_download"),
    path(
        "attachments/<str:token>/remove/",
        submission.attachment_remove_view,
        name="attachment_remove",
    ),
    path("replies/<int:pk>/submit/", submission.reply_submit_view, name="reply_submit"),
    path(
        "replies/<int:pk>/snapshots/<int:number>/pdf/",
        submission.snapshot_pdf,
        name="snapshot_pdf",
    ),
]

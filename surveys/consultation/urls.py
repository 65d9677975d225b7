from django.urls import path

from surveys.consultation import views as consultation

urlpatterns = [
    path(
        "versions/<int:pk>/consultation/",
        consultation.version_consultation,
        name="version_consultation",
    ),
    path(
        "versions/<int:pk>/consultation/close/",
        consultation.consultation_close,
        name="consultation_close",
    ),
    path("versions/<int:pk>/approve/", consultation.version_approval, name="version_approve"),
    path(
        "versions/<int:pk>/comments/",
        consultation.consultation_comment,
        name="consultation_comment",
    ),
    path(
        "consultation-comments/<int:pk>/resolve/",
        consultation.comment_resolve,
        name="consultation_comment_resolve",
    ),
    path("consultations/", consultation.consultation_inbox, name="consultation_inbox"),
]

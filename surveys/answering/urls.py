from django.urls import path

from surveys.answering import views as answering

urlpatterns = [
    path("replies/<int:pk>/", answering.reply_detail, name="reply_detail"),
    path("replies/<int:pk>/answer/", answering.reply_answer, name="reply_answer"),
    path(
        "replies/<int:pk>/sections/<int:section_pk>/",
        answering.reply_section,
        name="reply_section",
    ),
    path(
        "replies/<int:pk>/answers/<int:question_pk>/",
        answering.answer_autosave,
        name="answer_autosave",
    ),
]

from django.urls import path

from surveys.questionnaires import views
from surveys.questionnaires.views import printing

urlpatterns = [
    path("", views.questionnaire_index, name="questionnaire_index"),
    path("new/", views.questionnaire_create, name="questionnaire_create"),
    path("versions/<int:pk>/", views.version_detail, name="version_detail"),
    path("versions/<int:pk>/new-draft/", views.version_new_draft_view, name="version_new_draft"),
    path("versions/<int:pk>/edit/", views.version_edit, name="version_edit"),
    path(
        "versions/<int:pk>/meaning-changed/",
        views.version_meaning_changed,
        name="version_meaning_changed",
    ),
    path("versions/<int:pk>/edit/details/", views.version_update, name="version_update"),
    path("versions/<int:pk>/sections/new/", views.section_add, name="section_add"),
    path(
        "versions/<int:pk>/sections/<int:section_pk>/edit/",
        views.section_edit,
        name="section_edit",
    ),
    path(
        "versions/<int:pk>/sections/<int:section_pk>/move/",
        views.section_move,
        name="section_move",
    ),
    path(
        "versions/<int:pk>/sections/<int:section_pk>/delete/",
        views.section_delete,
        name="section_delete",
    ),
    path(
        "versions/<int:pk>/sections/<int:section_pk>/questions/new/",
        views.question_add,
        name="question_add",
    ),
    path(
        "versions/<int:pk>/questions/<int:question_pk>/edit/",
        views.question_edit,
        name="question_edit",
    ),
    path(
        "versions/<int:pk>/questions/<int:question_pk>/move/",
        views.question_move,
        name="question_move",
    ),
    path(
        "versions/<int:pk>/questions/<int:question_pk>/delete/",
        views.question_delete,
        name="question_delete",
    ),
    path(
        "versions/<int:pk>/translations/", views.version_translations, name="version_translations"
    ),
    path(
        "versions/<int:pk>/completeness/", views.version_completeness, name="version_completeness"
    ),
    path("versions/<int:pk>/preview/", views.version_preview, name="version_preview"),
    path("versions/<int:pk>/pdf/", printing.version_pdf, name="version_pdf"),
]

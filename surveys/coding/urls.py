from django.urls import path

from surveys.coding import views as coding

urlpatterns = [
    path("coding/cycles/<int:pk>/", coding.coding_index, name="coding_index"),
    path(
        "coding/cycles/<int:pk>/questions/<str:code>/",
        coding.coding_question,
        name="coding_question",
    ),
    path("coding/answers/<int:pk>/themes/", coding.coding_decide, name="coding_decide"),
    path("coding/answers/<int:pk>/practice/", coding.coding_practice, name="coding_practice"),
    path("codebook/", coding.codebook_index, name="codebook_index"),
    path("codebook/new/", coding.theme_create_view, name="theme_create"),
    path("codebook/<int:pk>/edit/", coding.theme_edit, name="theme_edit"),
]

from django.urls import path

from clusters import views

app_name = "clusters"
urlpatterns = [
    path("", views.standard_index, name="standard_index"),
    path("experts/", views.expert_index, name="expert_index"),
    path("experts/new/", views.expert_create_view, name="expert_create"),
    path("experts/<int:pk>/", views.expert_edit, name="expert_edit"),
]

from django.urls import path

from surveys.assistance import views as assistance

urlpatterns = [
    path("assistance/", assistance.assistance_index, name="assistance_index"),
    path("assistance/unmet/", assistance.assistance_unmet_view, name="assistance_unmet"),
    path("assistance/<int:pk>/", assistance.assistance_detail, name="assistance_detail"),
    path("assistance/<int:pk>/update/", assistance.assistance_update, name="assistance_update"),
    path("assistance/<int:pk>/outcome/", assistance.assistance_outcome, name="assistance_outcome"),
    path(
        "assistance/respondent/<str:code>/",
        assistance.respondent_assistance,
        name="respondent_assistance",
    ),
    path("assistance/<int:pk>/match/", assistance.assistance_match_view, name="assistance_match"),
    path(
        "assistance/<int:pk>/unmatch/",
        assistance.assistance_unmatch_view,
        name="assistance_unmatch",
    ),
]

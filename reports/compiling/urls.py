from django.urls import path

from reports.compiling import views as compiling

urlpatterns: list = [
    path("", compiling.report_index, name="report_index"),
    path("new/", compiling.report_create, name="report_create"),
    path("<int:pk>/", compiling.report_detail, name="report_detail"),
    path("<int:pk>/progress/", compiling.report_progress, name="report_progress"),
    path("<int:pk>/retry/", compiling.report_retry, name="report_retry"),
    path("<int:pk>/again/", compiling.report_again, name="report_again"),
    path("<int:pk>/pdf/", compiling.report_pdf, name="report_pdf"),
    path("<int:pk>/xlsx/", compiling.report_xlsx, name="report_xlsx"),
]

"""The reports' pages: compiling them (staff) and the library (delegates and the public)."""

from reports.urls import compiling, library

app_name = "reports"
urlpatterns = [
    *compiling.urlpatterns,
    *library.urlpatterns,
]

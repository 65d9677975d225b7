"""The reports' pages: compiling them (staff) and the library (delegates and the public)."""

from reports.compiling import urls as compiling
from reports.library import urls as library

app_name = "reports"
urlpatterns = [
    *compiling.urlpatterns,
    *library.urlpatterns,
]

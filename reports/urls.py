"""The reports' pages: compiling them (staff), the library (delegates and the public), and country
presentations."""

from reports.compiling import urls as compiling
from reports.library import urls as library
from reports.presentations import urls as presentations

app_name = "reports"
urlpatterns = [
    *compiling.urlpatterns,
    *library.urlpatterns,
    *presentations.urlpatterns,
]

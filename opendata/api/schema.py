"""The schema's settings (drf-spectacular), given to its views rather than to portal/settings.py:
the API is this app's alone."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView

SCHEMA_SETTINGS = {
    "TITLE": "Standards and norms portal API",
    "DESCRIPTION": _(
        "Read access to the catalogue of United Nations standards and norms in crime prevention "
        "and criminal justice, the published reports and the published replies; and, with a "
        "token, to every reply, coding decision and technical-assistance request of a cycle."
    ),
    "VERSION": "1",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
}


class SchemaView(SpectacularAPIView):
    """The schema, open to everyone, in YAML (or JSON with ?format=json); not itself listed."""

    authentication_classes = []
    permission_classes = []
    custom_settings = SCHEMA_SETTINGS
    schema = None

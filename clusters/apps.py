from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClustersConfig(AppConfig):
    name = "clusters"
    verbose_name = _("Standards and norms")

    def home_context(self, user) -> dict:
        """The catalogue's counts on the home page, for everyone."""
        from clusters.selectors import taxonomy_counts

        return {"taxonomy": taxonomy_counts()}

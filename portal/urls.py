from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from portal import views
from portal.forms import QueuedPasswordResetForm
from portal.security import views as security_views
from portal.twofactor import views as twofactor_views

admin.site.site_header = _("Standards and norms portal: administration")
admin.site.site_title = _("Standards and norms portal")

# While the database is unreachable: 503 with Retry-After, not a bare server error.
handler500 = "portal.outage.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("respondents/", views.respondent_index, name="respondent_index"),
    path("respondents/<slug:code>/", views.respondent_detail, name="respondent_detail"),
    path("standards/", include("clusters.urls")),
    # Contact persons are accounts of the portal; the addresses stay those already e-mailed.
    path(
        "questionnaires/contact-persons/invite/<slug:code>/",
        views.contact_invite,
        name="contact_invite",
    ),
    path(
        "questionnaires/contact-persons/welcome/<uidb64>/<token>/",
        views.contact_welcome,
        name="contact_welcome",
    ),
    path("questionnaires/", include("surveys.urls")),
    path("reports/", include("reports.urls")),
    path("open-data/", include("opendata.urls")),
    path("api/v1/", include("opendata.api.urls")),
    path("language/", views.set_language, name="set_language"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("security-events/", security_views.security_event_index, name="security_event_index"),
    path(
        "accounts/password_reset/",
        security_views.ThrottledPasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
    path("accounts/two-factor/", twofactor_views.account, name="twofactor_account"),
    path("accounts/two-factor/enrol/", twofactor_views.enrol, name="twofactor_enrol"),
    path("accounts/two-factor/verify/", twofactor_views.verify, name="twofactor_verify"),
    path(
        "accounts/two-factor/recovery-codes/",
        twofactor_views.recovery_codes,
        name="twofactor_recovery_codes",
    ),
    path("accounts/two-factor/replace/", twofactor_views.replace, name="twofactor_replace"),
    path("accounts/two-factor/turn-off/", twofactor_views.turn_off, name="twofactor_turn_off"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]

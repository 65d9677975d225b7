from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    LOGIN_SUCCEEDED = "login_succeeded", _("Logged in")
    LOGIN_FAILED = "login_failed", _("Log-in failed")
    LOCKED_OUT = "locked_out", _("Log-in locked after repeated failures")
    UNLOCKED = "unlocked", _("Log-in unlocked by an administrator")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    PASSWORD_RESET_REQUESTED = "password_reset_requested", _("Password reset requested")
    INVITATION_LINK_REFUSED = "invitation_link_refused", _("Invitation link refused")
    THROTTLED = "throttled", _("Request refused: too many attempts")
    GROUPS_CHANGED = "groups_changed", _("Groups changed")
    PERMISSIONS_CHANGED = "permissions_changed", _("Permissions changed")
    EXTRACT_DOWNLOADED = "extract_downloaded", _("Extract downloaded")
    SECOND_FACTOR_ENROLLED = "second_factor_enrolled", _("Second factor enrolled")
    SECOND_FACTOR_RESET = "second_factor_reset", _("Second factor reset")
    SECOND_FACTOR_FAILED = "second_factor_failed", _("Second-factor code refused")
    SECOND_FACTOR_DISABLED = "second_factor_disabled", _("Second factor turned off")
    RECOVERY_CODE_USED = "recovery_code_used", _("Recovery code used")
    RECOVERY_CODES_RENEWED = "recovery_codes_renewed", _("New recovery codes made")
    API_TOKEN_CREATED = "api_token_created", _("API token made")
    API_TOKEN_REVOKED = "api_token_revoked", _("API token revoked")
    API_TOKEN_USED = "api_token_used", _("API token used")
    API_TOKEN_REFUSED = "api_token_refused", _("API token refused")


class SecurityEvent(models.Model):
    """One thing that happened to an account or its access, kept SECURITY_EVENTS_KEEP_DAYS."""

    kind = models.CharField(_("kind"), max_length=40, choices=EventKind.choices)
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="security_events",
        verbose_name=_("account"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
    )
    # What was typed (a user name at log-in, an address for a password reset), known account or not.
    username = models.CharField(_("name or address given"), max_length=254, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("security event")
        verbose_name_plural = _("security events")
        indexes = [
            models.Index(fields=["kind", "-at"], name="securityevent_kind_at"),
            models.Index(fields=["username", "-at"], name="securityevent_username_at"),
            models.Index(fields=["ip", "-at"], name="securityevent_ip_at"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.username or self.user_id or ''}"

    @property
    def detail_text(self) -> str:
        """The detail on one line: "added: Reviewers; path: /admin/login/"."""
        parts = []
        for key, value in (self.detail or {}).items():
            shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            parts.append(f"{key}: {shown}")
        return "; ".join(parts)

from importlib import import_module

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.models import Respondent, RespondentType, User
from portal.security.services import login_unlock
from portal.services import ACCEPTING_GROUP_NAME, user_assign_role
from portal.twofactor.services import second_factor_reset

# What makes an account more powerful than its role: only a superuser sees or changes these.
SUPERUSER_ONLY_FIELDS = frozenset({"is_superuser", "user_permissions", "groups"})


@admin.register(RespondentType)
class RespondentTypeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "code", "order"]


@admin.register(Respondent)
class RespondentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "code", "type", "regional_group", "is_ldc", "is_lldc", "is_sids"]
    list_filter = ["type", "regional_group", "is_ldc", "is_lldc", "is_sids", "is_active"]
    search_fields = ["code", "iso2", "name", "formal_name"]
    list_select_related = ["type"]


class PortalUserChangeForm(UserChangeForm):
    accepts_replies = forms.BooleanField(
        label=_("May accept replies"),
        required=False,
        help_text=_("A reviewer trusted to accept replies (administrators always may)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["accepts_replies"].initial = self.instance.groups.filter(
                name=ACCEPTING_GROUP_NAME
            ).exists()


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = PortalUserChangeForm
    list_display = [
        "username",
        "email",
        "first_name",
        "last_name",
        "role",
        "respondent",
        "is_active",
    ]
    list_filter = ["role", "is_active", "respondent__type"]
    list_select_related = ["respondent"]
    autocomplete_fields = ["respondent"]
    # Groups follow from the role (portal.services.user_assign_role); single permissions, such as
    # the right to accept replies, are granted one by one.
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (
            _("Personal info"),
            {"fields": ("first_name", "last_name", "email", "preferred_language")},
        ),
        (_("Role"), {"fields": ("role", "respondent")}),
        (
            _("Permissions"),
            {
                "fields": (
                    "is_active",
                    "accepts_replies",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "email", "usable_password", "password1", "password2"),
            },
        ),
        (_("Role"), {"fields": ("role", "respondent", "preferred_language")}),
    )

    actions = ["unlock_login", "reset_second_factor"]

    @admin.action(
        description=_("Unlock log-in (after too many failed attempts)"), permissions=["change"]
    )
    def unlock_login(self, request, queryset):
        for user in queryset:
            login_unlock(user=user)
        self.message_user(request, _("Log-in unlocked for the selected users."), messages.SUCCESS)

    @admin.action(
        description=_("Reset second factor (lost phone and recovery codes)"),
        permissions=["change"],
    )
    def reset_second_factor(self, request, queryset):
        if not (request.user.is_superuser or request.user.is_administrator):
            raise PermissionDenied
        for user in queryset:
            second_factor_reset(user=user, by=request.user)
        self.message_user(
            request,
            _(
                "Second factor reset for the selected users: they set up an authenticator app "
                "again at their next log-in (staff), or log in with their password alone."
            ),
            messages.SUCCESS,
        )

    def get_fieldsets(self, request, obj=None):
        """A superuser sees the groups and single permissions; other administrators see only
        whether a reviewer may accept replies, so that none can raise an account's rights."""
        fieldsets = super().get_fieldsets(request, obj)
        hidden = {"accepts_replies"} if request.user.is_superuser else SUPERUSER_ONLY_FIELDS
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in hidden]})
            for name, options in fieldsets
        ]

    def has_change_permission(self, request, obj=None):
        # A superuser's account (its password included) is not another administrator's to change.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.role:
            user_assign_role(user=obj, role=obj.role, respondent=obj.respondent)
        if "accepts_replies" in form.cleaned_data:
            accepting = Group.objects.get(name=ACCEPTING_GROUP_NAME)
            if form.cleaned_data["accepts_replies"]:
                obj.groups.add(accepting)
            else:
                obj.groups.remove(accepting)


admin.site.unregister(Group)
# Second factors are reset from the users' list; their secrets are not shown to anyone. (django-otp
# registers its admins when imported; importing them here first lets them be taken back.)
import_module("django_otp.plugins.otp_totp.admin")
import_module("django_otp.plugins.otp_static.admin")
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


@admin.register(Group)
class GroupAdmin(DjangoGroupAdmin):
    """The groups carry the roles' permissions: only a superuser may open or change them."""

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from portal.models import Respondent, RespondentType, User
from portal.services import user_assign_role


@admin.register(RespondentType)
class RespondentTypeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "code", "order"]


@admin.register(Respondent)
class RespondentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "code", "type", "regional_group", "is_ldc", "is_lldc", "is_sids"]
    list_filter = ["type", "regional_group", "is_ldc", "is_lldc", "is_sids", "is_active"]
    search_fields = ["code", "iso2", "name", "formal_name"]
    list_select_related = ["type"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
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
        (_("Permissions"), {"fields": ("is_active", "is_superuser", "user_permissions")}),
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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.role:
            user_assign_role(user=obj, role=obj.role, respondent=obj.respondent)

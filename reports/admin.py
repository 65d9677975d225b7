from django.contrib import admin

from reports.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Reports are asked for and compiled on the portal's pages; the admin only shows them."""

    list_display = ("symbol", "language", "number", "status", "progress", "requested_at")
    list_filter = ("status", "language")
    search_fields = ("symbol", "title")
    readonly_fields = [field.name for field in Report._meta.fields]
    filter_horizontal = ()

    def has_add_permission(self, request):
        return False

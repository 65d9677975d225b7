from django.contrib import admin

from clusters.models import Category, Cluster, Expert, Standard


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["__str__", "letter"]


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["__str__", "priority", "category"]
    list_select_related = ["category"]


@admin.register(Standard)
class StandardAdmin(admin.ModelAdmin):
    list_display = ["__str__", "code", "year", "category", "cluster"]
    list_filter = ["category", "cluster"]
    search_fields = ["code", "short_name", "title", "adopted_by"]
    list_select_related = ["category", "cluster"]


@admin.register(Expert)
class ExpertAdmin(admin.ModelAdmin):
    list_display = ["name", "regional_group", "availability", "is_active"]
    list_filter = ["clusters", "regional_group", "availability", "is_active"]
    search_fields = ["name", "email", "expertise"]
    filter_horizontal = ["clusters"]
    raw_id_fields = ["nationality"]

from django.contrib import admin

from clusters.models import Category, Cluster, Standard


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

from django.contrib import admin

from marketplace.menu.models import Menu, MenuItem


class MenuItemInline(admin.TabularInline):
    model = MenuItem
    extra = 0
    fields = ["name", "parent", "category", "collection", "page", "url", "sort_order"]


@admin.register(Menu)
class MenuAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    inlines = [MenuItemInline]

from django.contrib import admin
from django.db import models

from marketplace.menu.models import Menu, MenuItem


class MenuItemInline(admin.TabularInline):
    model = MenuItem
    extra = 0
    fields = ["name", "parent", "category", "collection", "page", "url", "sort_order"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Menu)
class MenuAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    inlines = [MenuItemInline]

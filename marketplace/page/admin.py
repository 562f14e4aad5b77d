from django.contrib import admin

from marketplace.page.models import Page, PageTranslation, PageType


class PageTranslationInline(admin.StackedInline):
    model = PageTranslation
    extra = 0


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "page_type", "is_published"]
    list_filter = ["is_published", "page_type"]
    inlines = [PageTranslationInline]


admin.site.register(PageType)

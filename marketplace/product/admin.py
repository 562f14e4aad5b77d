from django.contrib import admin

from marketplace.core.admin import ReadOnlyInline
from marketplace.product.models import (
    Category,
    Collection,
    Product,
    ProductMedia,
    ProductTranslation,
    ProductType,
    ProductVariant,
)


class VariantInline(ReadOnlyInline):
    model = ProductVariant
    fields = ["name", "sku", "barcode"]


class MediaInline(admin.TabularInline):
    model = ProductMedia
    extra = 0
    fields = ["image", "alt", "sort_order"]


class TranslationInline(admin.StackedInline):
    model = ProductTranslation
    extra = 0
    fields = ["language_code", "name", "seo_title", "seo_description"]


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    """Names, descriptions, media and translations can be polished here; what may be sold comes from the
    registry (certificates) and prices from the channel listings."""

    list_display = ["name", "producer", "category", "external_reference", "updated_at"]
    list_filter = ["category"]
    search_fields = ["name", "slug", "external_reference", "producer__name"]
    readonly_fields = ["external_reference", "producer", "search_document"]
    exclude = ["search_vector"]
    inlines = [VariantInline, MediaInline, TranslationInline]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "parent", "level"]
    readonly_fields = ["code", "parent", "level"]
    search_fields = ["name", "code"]


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]


admin.site.register(ProductType)

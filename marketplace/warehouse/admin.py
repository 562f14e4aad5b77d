from django.contrib import admin

from marketplace.core.admin import ReadOnlyAdmin
from marketplace.warehouse.models import Stock, StockMovement, Warehouse


@admin.register(Warehouse)
class WarehouseAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "click_and_collect_option", "is_private"]
    filter_horizontal = ["channels"]


@admin.register(Stock)
class StockAdmin(ReadOnlyAdmin):
    """Stock changes only through the ledger (the sales-point console or the API)."""

    list_display = ["product_variant", "warehouse", "quantity", "quantity_allocated"]
    list_filter = ["warehouse"]
    search_fields = ["product_variant__sku", "product_variant__product__name"]


@admin.register(StockMovement)
class StockMovementAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "kind", "stock", "quantity_delta", "allocated_delta", "actor", "reference"]
    list_filter = ["kind", "stock__warehouse"]

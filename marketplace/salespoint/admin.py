from django.contrib import admin

from marketplace.salespoint.models import CounterSale, SalesPoint, StockTransfer


@admin.register(SalesPoint)
class SalesPointAdmin(admin.ModelAdmin):
    list_display = ["warehouse", "kind", "location_category", "is_active"]
    list_filter = ["kind", "location_category", "is_active"]
    filter_horizontal = ["operators"]
    search_fields = ["warehouse__name", "address_as_published"]


@admin.register(StockTransfer)
class StockTransferAdmin(admin.ModelAdmin):
    list_display = ["number", "source", "destination", "status", "created_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in StockTransfer._meta.fields]

    def has_add_permission(self, request):  # stock moves only through the services (ledger)
        return False


@admin.register(CounterSale)
class CounterSaleAdmin(admin.ModelAdmin):
    list_display = ["number", "warehouse", "total_amount", "payment_method", "status", "created_at"]
    list_filter = ["status", "payment_method"]
    readonly_fields = [f.name for f in CounterSale._meta.fields]

    def has_add_permission(self, request):
        return False

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from marketplace.core.admin import ReadOnlyAdmin, ReadOnlyInline
from marketplace.order.models import Order, OrderEvent, OrderLine
from marketplace.order.selectors import orders_with_cancelled_lines


class CancelledLinesFilter(admin.SimpleListFilter):
    """Orders with a line withdrawn after placing (its OCOP certificate stopped allowing sale)."""

    title = _("dòng bị hủy")
    parameter_name = "cancelled_lines"

    def lookups(self, request, model_admin):
        return [("yes", _("Có dòng bị hủy"))]

    def queryset(self, request, queryset):
        return orders_with_cancelled_lines(queryset=queryset) if self.value() == "yes" else queryset


class OrderLineInline(ReadOnlyInline):
    model = OrderLine


class OrderEventInline(ReadOnlyInline):
    model = OrderEvent


@admin.register(Order)
class OrderAdmin(ReadOnlyAdmin):
    """Orders change through their services (payment, pickup hand-over, cancellation with refund)."""

    list_display = ["number", "status", "charge_status", "user_email", "collection_point", "created_at"]
    list_filter = ["status", "charge_status", CancelledLinesFilter]
    search_fields = ["number", "user_email"]
    inlines = [OrderLineInline, OrderEventInline]

from django.contrib import admin

from marketplace.core.admin import ReadOnlyAdmin, ReadOnlyInline
from marketplace.order.models import Order, OrderEvent, OrderLine


class OrderLineInline(ReadOnlyInline):
    model = OrderLine


class OrderEventInline(ReadOnlyInline):
    model = OrderEvent


@admin.register(Order)
class OrderAdmin(ReadOnlyAdmin):
    """Orders change through their services (payment, pickup hand-over, cancellation with refund)."""

    list_display = ["number", "status", "charge_status", "user_email", "collection_point", "created_at"]
    list_filter = ["status", "charge_status"]
    search_fields = ["number", "user_email"]
    inlines = [OrderLineInline, OrderEventInline]

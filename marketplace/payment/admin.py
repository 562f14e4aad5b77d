from django.contrib import admin

from marketplace.core.admin import ReadOnlyAdmin, ReadOnlyInline
from marketplace.payment.models import TransactionEvent, TransactionItem


class TransactionEventInline(ReadOnlyInline):
    model = TransactionEvent


@admin.register(TransactionItem)
class TransactionItemAdmin(ReadOnlyAdmin):
    list_display = ["token", "order", "name", "psp_reference", "created_at"]
    search_fields = ["psp_reference", "order__number"]
    inlines = [TransactionEventInline]

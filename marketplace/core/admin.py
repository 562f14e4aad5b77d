"""Admin helpers. Records whose changes carry business rules (certificates from the registry, stock and its
ledger, orders, payments, promotions) are read-only here: their changes go through the services, the
consoles or the API, which check the rules and write the audit log."""

from __future__ import annotations

from django.contrib import admin

from marketplace.core.models import AuditEntry


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "action", "actor", "object_type", "object_id"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_id", "action", "actor__email"]

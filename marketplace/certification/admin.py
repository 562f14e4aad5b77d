from django.contrib import admin

from marketplace.certification.models import Certificate, CertificateEvent
from marketplace.core.admin import ReadOnlyAdmin, ReadOnlyInline


class CertificateEventInline(ReadOnlyInline):
    model = CertificateEvent
    fields = ["created_at", "kind", "changes", "source"]
    readonly_fields = fields


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    """Certificates are the registry's: read here, changed only by the sync (and the expiry sweep)."""

    list_display = ["number", "product", "stars", "status", "expires_on", "issuer"]
    list_filter = ["status", "stars", "issuer_level"]
    search_fields = ["number", "registry_id", "product__name", "producer__name"]
    inlines = [CertificateEventInline]

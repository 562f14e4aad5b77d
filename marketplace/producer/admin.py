from django.contrib import admin

from marketplace.core.admin import ReadOnlyAdmin
from marketplace.producer.models import Producer


@admin.register(Producer)
class ProducerAdmin(ReadOnlyAdmin):
    """Producers come from the provincial registry; the sync keeps them up to date."""

    list_display = ["name", "kind", "province_code", "province_as_published", "tax_code"]
    list_filter = ["kind", "province_code"]
    search_fields = ["name", "tax_code", "registry_id"]

from django.contrib import admin

from marketplace.core.admin import ReadOnlyAdmin
from marketplace.fair.models import FairEvent


@admin.register(FairEvent)
class FairEventAdmin(ReadOnlyAdmin):
    """Fairs are run from the staff console (/quan-ly/hoi-cho/), which checks dates, booths and campaigns."""

    list_display = ["name", "start_at", "end_at", "province_code", "published_at"]

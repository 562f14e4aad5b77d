from django.contrib import admin

from marketplace.core.admin import ReadOnlyAdmin
from marketplace.discount.models import Promotion


@admin.register(Promotion)
class PromotionAdmin(ReadOnlyAdmin):
    """Fair campaigns are set from the fair console; overlapping promotions are refused there."""

    list_display = ["name", "start_date", "end_date", "counter_sales_limited"]

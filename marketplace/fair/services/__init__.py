"""Writes for fairs, split by use case; import from here."""

from marketplace.fair.services.booths import (
    booth_code_normalize,
    booth_create,
    booth_delete,
    booth_products_set,
    booth_update,
)
from marketplace.fair.services.campaign import fair_campaign_clear, fair_campaign_set, fair_campaign_sync
from marketplace.fair.services.fairs import (
    FairData,
    as_vietnam_time,
    fair_cover_image_set,
    fair_create,
    fair_data_of,
    fair_delete,
    fair_publish,
    fair_unpublish,
    fair_update,
    side_event_create,
    side_event_delete,
    zone_create,
    zone_delete,
)

__all__ = [
    "FairData", "as_vietnam_time", "booth_code_normalize", "booth_create", "booth_delete", "booth_products_set",
    "booth_update", "fair_campaign_clear", "fair_campaign_set", "fair_campaign_sync", "fair_cover_image_set",
    "fair_create", "fair_data_of", "fair_delete", "fair_publish", "fair_unpublish", "fair_update",
    "side_event_create", "side_event_delete", "zone_create", "zone_delete",
]

from __future__ import annotations

from enum import Enum


class FairErrorCode(str, Enum):
    INVALID = "invalid"
    REQUIRED = "required"
    NOT_FOUND = "not_found"
    UNIQUE = "unique"
    INVALID_DATES = "invalid_dates"
    INVALID_PROVINCE = "invalid_province"
    INVALID_COORDINATES = "invalid_coordinates"
    NOT_EDITABLE = "not_editable"
    ALREADY_PUBLISHED = "already_published"
    NOT_PUBLISHED = "not_published"
    DUPLICATE_BOOTH_CODE = "duplicate_booth_code"
    INVALID_BOOTH_CODE = "invalid_booth_code"
    ZONE_NOT_IN_FAIR = "zone_not_in_fair"
    ZONE_NOT_EMPTY = "zone_not_empty"
    PRODUCER_NOT_FOUND = "producer_not_found"
    PRODUCER_AMBIGUOUS = "producer_ambiguous"
    PRODUCT_NOT_FOUND = "product_not_found"
    PRODUCT_NOT_CERTIFIED = "product_not_certified"
    PRODUCT_NOT_OF_PRODUCER = "product_not_of_producer"
    PRODUCT_IN_OTHER_BOOTH = "product_in_other_booth"
    SALES_POINT_NOT_FOUND = "sales_point_not_found"
    SIDE_EVENT_OUTSIDE_FAIR = "side_event_outside_fair"
    INVALID_REWARD_VALUE = "invalid_reward_value"
    DISCOUNT_EXCEEDS_PRICE = "discount_exceeds_price"
    CAMPAIGN_OVERLAP = "campaign_overlap"
    IMPORT_FILE_INVALID = "import_file_invalid"

from __future__ import annotations

from enum import Enum


class DiscountErrorCode(str, Enum):
    INVALID = "invalid"
    REQUIRED = "required"
    NOT_FOUND = "not_found"
    INVALID_DATES = "invalid_dates"
    INVALID_REWARD_VALUE = "invalid_reward_value"
    DISCOUNT_EXCEEDS_PRICE = "discount_exceeds_price"
    OVERLAPPING_PROMOTION = "overlapping_promotion"
    DUPLICATED_VARIANT = "duplicated_variant"

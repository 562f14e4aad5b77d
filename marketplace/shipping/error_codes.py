from enum import Enum


class ShippingErrorCode(str, Enum):
    """Saleor's ShippingErrorCode values."""

    ALREADY_EXISTS = "ALREADY_EXISTS"
    INVALID = "INVALID"
    MAX_LESS_THAN_MIN = "MAX_LESS_THAN_MIN"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    UNIQUE = "UNIQUE"
    DUPLICATED_INPUT_ITEM = "DUPLICATED_INPUT_ITEM"

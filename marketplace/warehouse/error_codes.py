from enum import Enum


class StockErrorCode(str, Enum):
    """Saleor's StockErrorCode values plus OCOP ones (the GraphQL layer maps them to Saleor's enums)."""

    INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    NEGATIVE_QUANTITY = "NEGATIVE_QUANTITY"

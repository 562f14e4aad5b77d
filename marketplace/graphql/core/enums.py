"""Saleor's enums that every app's types share. Where Saleor's enum is huge (languages, countries) we expose
the subset we serve, with Saleor's value names."""

from __future__ import annotations

import graphene


class LanguageCodeEnum(graphene.Enum):
    EN = "en"
    EN_US = "en-US"
    VI = "vi"
    VI_VN = "vi-VN"


class CountryCode(graphene.Enum):
    VN = "VN"


class OrderDirection(graphene.Enum):
    ASC = "asc"
    DESC = "desc"


class ThumbnailFormatEnum(graphene.Enum):
    ORIGINAL = "original"
    AVIF = "avif"
    WEBP = "webp"


class WeightUnitsEnum(graphene.Enum):
    G = "g"
    LB = "lb"
    OZ = "oz"
    KG = "kg"
    TONNE = "tonne"


def language_code(value: object) -> str:
    """'vi-VN' / LanguageCodeEnum.VI_VN -> 'vi' (we store translations per base language)."""
    raw = getattr(value, "value", value) or "vi"
    return str(raw).split("-")[0].split("_")[0].lower()


class ProductErrorCode(graphene.Enum):
    """Saleor's ProductErrorCode (BulkStockError.code uses it)."""

    ALREADY_EXISTS = "ALREADY_EXISTS"
    ATTRIBUTE_ALREADY_ASSIGNED = "ATTRIBUTE_ALREADY_ASSIGNED"
    ATTRIBUTE_CANNOT_BE_ASSIGNED = "ATTRIBUTE_CANNOT_BE_ASSIGNED"
    ATTRIBUTE_VARIANTS_DISABLED = "ATTRIBUTE_VARIANTS_DISABLED"
    MEDIA_ALREADY_ASSIGNED = "MEDIA_ALREADY_ASSIGNED"
    DUPLICATED_INPUT_ITEM = "DUPLICATED_INPUT_ITEM"
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    INVALID_PRICE = "INVALID_PRICE"
    PRODUCT_WITHOUT_CATEGORY = "PRODUCT_WITHOUT_CATEGORY"
    NOT_PRODUCTS_IMAGE = "NOT_PRODUCTS_IMAGE"
    NOT_PRODUCTS_VARIANT = "NOT_PRODUCTS_VARIANT"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    UNIQUE = "UNIQUE"
    CANNOT_MANAGE_PRODUCT_WITHOUT_VARIANT = "CANNOT_MANAGE_PRODUCT_WITHOUT_VARIANT"
    PRODUCT_NOT_ASSIGNED_TO_CHANNEL = "PRODUCT_NOT_ASSIGNED_TO_CHANNEL"
    UNSUPPORTED_MEDIA_PROVIDER = "UNSUPPORTED_MEDIA_PROVIDER"
    INVALID_FILE_TYPE = "INVALID_FILE_TYPE"
    UNSUPPORTED_MIME_TYPE = "UNSUPPORTED_MIME_TYPE"
    FILE_SIZE_LIMIT_EXCEEDED = "FILE_SIZE_LIMIT_EXCEEDED"


class StockBulkUpdateErrorCode(graphene.Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"


class ErrorPolicyEnum(graphene.Enum):
    IGNORE_FAILED = "IGNORE_FAILED"
    REJECT_EVERYTHING = "REJECT_EVERYTHING"
    REJECT_FAILED_ROWS = "REJECT_FAILED_ROWS"

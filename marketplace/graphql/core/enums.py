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

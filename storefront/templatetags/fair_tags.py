"""Template helpers for fair pages: money, Vietnam-time dates, safe URL reversal, the fair badge."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django import template
from django.utils import formats, timezone
from django.utils.translation import get_language

from marketplace.core.money import format_vnd
from marketplace.fair.selectors import VN_TZ, fair_for_product

register = template.Library()


@register.filter
def vnd(amount: Decimal | int | None) -> str:
    return format_vnd(amount, locale=get_language() or "vi")


@register.filter
def vn_time(moment: datetime | None, fmt: str = "H:i d/m/Y") -> str:
    """A moment shown in Vietnam time, whatever the active time zone."""
    if moment is None:
        return ""
    return formats.date_format(timezone.localtime(moment, VN_TZ), fmt)



@register.filter
def lookup(mapping: dict, key):
    return mapping.get(key) if mapping else None


@register.inclusion_tag("storefront/fair/_fair_badge.html")
def fair_badge(product_id: int, price=None) -> dict:
    """The fair badge on a product page or card: the ongoing fair showing the product, its booth, and whether
    the price passed in (a discount VariantPrice) is the fair price."""
    info = fair_for_product(product_id=product_id)
    return {"fair": info, "price": price, "is_fair_price": bool(info and info.price_is_fair_price(price))}

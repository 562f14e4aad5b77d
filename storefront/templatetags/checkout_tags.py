"""Template helpers for the cart, checkout and order pages."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.translation import get_language

from marketplace.core.money import format_vnd

register = template.Library()


@register.filter
def dong(amount: Decimal | int | None) -> str:
    """`125.000 ₫` (Vietnamese) / `₫125,000` (English)."""
    return format_vnd(amount, locale=get_language() or "vi")

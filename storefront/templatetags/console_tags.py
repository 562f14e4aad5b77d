"""Template helpers for the sales-point console: money in đồng, query strings that keep filters."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.translation import get_language

from marketplace.core.money import format_vnd

register = template.Library()


@register.filter
def vnd(amount: Decimal | int | None) -> str:
    return format_vnd(amount, locale=get_language() or "vi")


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters changed (None removes one)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value not in (None, ""):
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def signed(value: int) -> str:
    return f"+{value}" if value > 0 else str(value)

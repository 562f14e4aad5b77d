"""Template helpers for storefront pages: money, star badges, QR codes, language links, safe URL reversal."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import segno
from django import template
from django.http import QueryDict
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from marketplace.core.money import format_vnd

register = template.Library()


@register.filter
def vnd(amount: Decimal | int | None) -> str:
    """`125.000 ₫` (Vietnamese) or `₫125,000` (English); empty for no amount."""
    return format_vnd(amount, locale=get_language() or "vi")


@register.inclusion_tag("storefront/components/star_badge.html")
def star_badge(stars: int | None, size: str = "md") -> dict:
    """The OCOP star badge: an SVG with five star slots, read by screen readers as "OCOP 4 sao"."""
    stars = int(stars or 0)
    return {"stars": stars, "slots": [i < stars for i in range(5)], "size": size}


@lru_cache(maxsize=4096)
def _qr_svg(data: str, title: str, scale: int) -> str:
    # Choosing the best mask is most of segno's ~4 ms per code, and a product's code never changes: cache it.
    qr = segno.make(data, error="m")
    svg = qr.svg_inline(scale=scale, dark="#1b1b1b", light="#ffffff", title=title or None)
    if title:
        svg = svg.replace("<svg ", format_html('<svg role="img" aria-label="{}" ', title), 1)
    return svg


@register.simple_tag
def qr_svg(data: str, *, title: str = "", scale: int = 4) -> str:
    """An inline SVG QR code (segno, no network, no image files)."""
    # segno escapes the title; the rest is markup it generated
    return mark_safe(_qr_svg(data, str(title), scale))



@register.simple_tag(takes_context=True)
def language_url(context, language_code: str) -> str:
    """This page in another language, keeping the query string (filters survive the switch)."""
    request = context["request"]
    url = translate_url(request.path, language_code)
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (None or "" removes them): pagination links."""
    params: QueryDict = context["request"].GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value not in (None, ""):
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def join_parts(*parts, separator: str = ", ") -> str:
    """Address parts as published, skipping the empty ones (no stray leading commas)."""
    return separator.join(str(p).strip() for p in parts if p and str(p).strip())

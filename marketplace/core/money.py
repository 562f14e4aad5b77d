"""Money is VND: whole đồng, no minor unit. Amounts are Decimals quantized to 0 places."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_currency

CURRENCY = "VND"


def vnd(amount: Decimal | int | float | str) -> Decimal:
    """Round any amount to whole đồng (half up, as Vietnamese receipts do)."""
    return Decimal(str(amount)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def format_vnd(amount: Decimal | int | None, locale: str = "vi") -> str:
    """`125.000 ₫` in Vietnamese, `₫125,000` in English (babel's CLDR patterns)."""
    if amount is None:
        return ""
    babel_locale = "vi_VN" if locale.startswith("vi") else "en_US"
    return format_currency(vnd(amount), CURRENCY, locale=babel_locale)

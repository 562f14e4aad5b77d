"""Vietnamese text folding shared by search, header matching and slugs."""

from __future__ import annotations

import re
import unicodedata

from django.utils.text import slugify


def fold(text: str) -> str:
    """Lower-case, strip diacritics, and fold đ/Đ to d (Unicode has no decomposition for đ)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def fold_compact(text: str) -> str:
    """fold() without spaces or punctuation: 'Tên  Sản-phẩm' -> 'tensanpham' (for header matching)."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def vn_slugify(text: str) -> str:
    return slugify(fold(text))


_ASCII_DIGITS = re.compile(r"[0-9]+")


def ascii_int(value: object, *, max_digits: int = 9) -> int | None:
    """A whole number typed in ASCII digits (at most max_digits of them), else None. str.isdigit() accepts '²',
    '٣' and '１', which int() then refuses or reads as another number; request data is parsed with this instead."""
    text = str(value).strip() if value is not None else ""
    if len(text) > max_digits or not _ASCII_DIGITS.fullmatch(text):
        return None
    return int(text)

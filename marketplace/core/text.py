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

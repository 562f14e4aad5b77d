"""Communes and wards of the two-level units (since 07/2025), from the `vietnam-provinces` package (the
government's list, maintained upstream), never a hand-written table. Matching ignores diacritics, case and the
"Xã"/"Phường"/"Đặc khu" prefix, so "phuong hoan kiem" and "Hoàn Kiếm" both find "Phường Hoàn Kiếm"."""

from __future__ import annotations

from functools import cache

from vietnam_provinces import Province as VnProvince
from vietnam_provinces import Ward

from marketplace.core.text import fold, vn_slugify

_PREFIXES = ("phuong ", "xa ", "dac khu ", "thi tran ")


def _key(name: str) -> str:
    key = fold(name).strip()
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix):]
            break
    return vn_slugify(key)


@cache
def _communes_by_province() -> dict[str, dict[str, str]]:
    """Our province code ('ha-noi') -> {folded commune key: official name}."""
    by_code = {p.code: p.codename.replace("_", "-") for p in VnProvince.iter_all()}
    table: dict[str, dict[str, str]] = {code: {} for code in by_code.values()}
    for ward in Ward.iter_all():
        names = table[by_code[ward.province_code]]
        names[vn_slugify(fold(ward.name))] = ward.name
        names.setdefault(_key(ward.name), ward.name)
    return table


def commune_resolve(*, province_code: str, name: str) -> str | None:
    """The official name of the commune/ward `name` in that province (2025 list); None if it has none such."""
    names = _communes_by_province().get(province_code)
    if not names or not (name or "").strip():
        return None
    return names.get(vn_slugify(fold(name))) or names.get(_key(name))


def communes_of_province(*, province_code: str) -> list[str]:
    """Official names, sorted, for a picker."""
    return sorted(set(_communes_by_province().get(province_code, {}).values()))

"""The three regions of Vietnam by the 34 current provinces, for flat regional shipping rates."""

from __future__ import annotations

from marketplace.core.geography import PROVINCES_BY_CODE

REGIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "mien-bac": ("Miền Bắc", (
        "ha-noi", "lai-chau", "dien-bien", "son-la", "lang-son", "quang-ninh", "cao-bang", "tuyen-quang",
        "lao-cai", "thai-nguyen", "phu-tho", "bac-ninh", "hung-yen", "hai-phong", "ninh-binh",
    )),
    "mien-trung": ("Miền Trung và Tây Nguyên", (
        "thanh-hoa", "nghe-an", "ha-tinh", "quang-tri", "hue", "da-nang", "quang-ngai", "gia-lai", "khanh-hoa",
        "lam-dong", "dak-lak",
    )),
    "mien-nam": ("Miền Nam", (
        "ho-chi-minh", "dong-nai", "tay-ninh", "can-tho", "vinh-long", "dong-thap", "ca-mau", "an-giang",
    )),
}

assert sorted(c for _, codes in REGIONS.values() for c in codes) == sorted(PROVINCES_BY_CODE), "34 provinces"


def region_of(province_code: str) -> str | None:
    return next((slug for slug, (_, codes) in REGIONS.items() if province_code in codes), None)

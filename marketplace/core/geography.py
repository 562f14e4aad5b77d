"""Vietnam's provinces since the 2025 reorganisation (34 provincial units, two-level government: province and
commune), and the old provinces that merged into them. Registry data may still name old provinces and old
districts; we keep those names as published and map them here for filtering."""

from __future__ import annotations

from dataclasses import dataclass

from marketplace.core.text import fold, vn_slugify


@dataclass(frozen=True)
class Province:
    code: str  # slug, stable: used in URLs, filters and attribute values
    name: str
    is_city: bool
    merged_from: tuple[str, ...] = ()  # old provinces (before 01/07/2025) now part of this one


PROVINCES: tuple[Province, ...] = (
    Province("ha-noi", "Hà Nội", True),
    Province("hue", "Huế", True, ("Thừa Thiên Huế",)),
    Province("lai-chau", "Lai Châu", False),
    Province("dien-bien", "Điện Biên", False),
    Province("son-la", "Sơn La", False),
    Province("lang-son", "Lạng Sơn", False),
    Province("quang-ninh", "Quảng Ninh", False),
    Province("thanh-hoa", "Thanh Hóa", False),
    Province("nghe-an", "Nghệ An", False),
    Province("ha-tinh", "Hà Tĩnh", False),
    Province("cao-bang", "Cao Bằng", False),
    Province("tuyen-quang", "Tuyên Quang", False, ("Hà Giang",)),
    Province("lao-cai", "Lào Cai", False, ("Yên Bái",)),
    Province("thai-nguyen", "Thái Nguyên", False, ("Bắc Kạn",)),
    Province("phu-tho", "Phú Thọ", False, ("Vĩnh Phúc", "Hòa Bình")),
    Province("bac-ninh", "Bắc Ninh", False, ("Bắc Giang",)),
    Province("hung-yen", "Hưng Yên", False, ("Thái Bình",)),
    Province("hai-phong", "Hải Phòng", True, ("Hải Dương",)),
    Province("ninh-binh", "Ninh Bình", False, ("Hà Nam", "Nam Định")),
    Province("quang-tri", "Quảng Trị", False, ("Quảng Bình",)),
    Province("da-nang", "Đà Nẵng", True, ("Quảng Nam",)),
    Province("quang-ngai", "Quảng Ngãi", False, ("Kon Tum",)),
    Province("gia-lai", "Gia Lai", False, ("Bình Định",)),
    Province("khanh-hoa", "Khánh Hòa", False, ("Ninh Thuận",)),
    Province("lam-dong", "Lâm Đồng", False, ("Đắk Nông", "Bình Thuận")),
    Province("dak-lak", "Đắk Lắk", False, ("Phú Yên",)),
    Province("ho-chi-minh", "Hồ Chí Minh", True, ("Bình Dương", "Bà Rịa - Vũng Tàu")),
    Province("dong-nai", "Đồng Nai", False, ("Bình Phước",)),
    Province("tay-ninh", "Tây Ninh", False, ("Long An",)),
    Province("can-tho", "Cần Thơ", True, ("Sóc Trăng", "Hậu Giang")),
    Province("vinh-long", "Vĩnh Long", False, ("Bến Tre", "Trà Vinh")),
    Province("dong-thap", "Đồng Tháp", False, ("Tiền Giang",)),
    Province("ca-mau", "Cà Mau", False, ("Bạc Liêu",)),
    Province("an-giang", "An Giang", False, ("Kiên Giang",)),
)

PROVINCES_BY_CODE: dict[str, Province] = {p.code: p for p in PROVINCES}

_PREFIXES = ("thanh pho ", "tp. ", "tp ", "tinh ")


def _key(name: str) -> str:
    key = fold(name).strip()
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix):]
    return vn_slugify(key)


_LOOKUP: dict[str, Province] = {}
for _p in PROVINCES:
    _LOOKUP[_key(_p.name)] = _p
    for _old in _p.merged_from:
        _LOOKUP[_key(_old)] = _p
_LOOKUP.update({"tp-hcm": PROVINCES_BY_CODE["ho-chi-minh"], "hcm": PROVINCES_BY_CODE["ho-chi-minh"],
                "thanh-pho-ho-chi-minh": PROVINCES_BY_CODE["ho-chi-minh"],
                "ba-ria-vung-tau": PROVINCES_BY_CODE["ho-chi-minh"],
                "dak-nong": PROVINCES_BY_CODE["lam-dong"]})


def province_resolve(name_or_code: str | None) -> Province | None:
    """The current province for a current or old name, or a code ('Vĩnh Phúc' -> Phú Thọ). None if unknown."""
    if not name_or_code:
        return None
    if name_or_code in PROVINCES_BY_CODE:
        return PROVINCES_BY_CODE[name_or_code]
    return _LOOKUP.get(_key(name_or_code))


def province_old_names(code: str) -> tuple[str, ...]:
    province = PROVINCES_BY_CODE.get(code)
    return province.merged_from if province else ()

"""The OCOP product groups of Decision 148/QĐ-TTg (2023): six groups and their sub-groups, coded by their
position in the decision's annex (I.4.a = group I, sub-group 4, item a). Also the older 2019 group names that
records from 2019-2022 may carry instead of a code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProductGroup:
    code: str
    name_vi: str
    name_en: str

    @property
    def parent_code(self) -> str | None:
        parts = self.code.split(".")
        return ".".join(parts[:-1]) if len(parts) > 1 else None

    @property
    def level(self) -> int:
        return self.code.count(".")


PRODUCT_GROUPS: tuple[ProductGroup, ...] = (
    ProductGroup("I", "Thực phẩm", "Food"),
    ProductGroup("I.1", "Nông, thủy sản tươi sống", "Fresh farm and aquatic produce"),
    ProductGroup("I.1.a", "Rau, củ, quả, hạt tươi", "Fresh vegetables, fruit and nuts"),
    ProductGroup("I.1.b", "Thịt, trứng, sữa tươi", "Fresh meat, eggs and milk"),
    ProductGroup("I.1.c", "Thủy sản tươi sống", "Fresh aquatic products"),
    ProductGroup("I.2", "Nông, thủy sản sơ chế", "Pre-processed farm and aquatic produce"),
    ProductGroup("I.2.a", "Rau, củ, quả, hạt sơ chế", "Pre-processed vegetables, fruit and nuts"),
    ProductGroup("I.2.b", "Thịt, thủy sản sơ chế", "Pre-processed meat and seafood"),
    ProductGroup("I.3", "Thực phẩm chế biến", "Processed food"),
    ProductGroup("I.3.a", "Chế biến từ rau, củ, quả, hạt", "Processed from vegetables, fruit and nuts"),
    ProductGroup("I.3.b", "Chế biến từ gạo, ngũ cốc", "Processed from rice and cereals"),
    ProductGroup("I.3.c", "Chế biến từ thịt, trứng, sữa", "Processed from meat, eggs and milk"),
    ProductGroup("I.3.d", "Chế biến từ thủy sản", "Processed from aquatic products"),
    ProductGroup("I.3.e", "Mật ong và sản phẩm từ mật ong", "Honey and honey products"),
    ProductGroup("I.4", "Gia vị", "Condiments"),
    ProductGroup("I.4.a", "Tương, nước mắm", "Sauces and fish sauce"),
    ProductGroup("I.4.b", "Gia vị khác", "Other condiments"),
    ProductGroup("I.5", "Chè", "Tea"),
    ProductGroup("I.5.a", "Chè tươi, chè chế biến", "Fresh and processed tea"),
    ProductGroup("I.6", "Cà phê, ca cao", "Coffee and cocoa"),
    ProductGroup("I.6.a", "Cà phê", "Coffee"),
    ProductGroup("I.6.b", "Ca cao", "Cocoa"),
    ProductGroup("II", "Đồ uống", "Drinks"),
    ProductGroup("II.1", "Đồ uống có cồn", "Alcoholic drinks"),
    ProductGroup("II.1.a", "Rượu trắng", "White spirits"),
    ProductGroup("II.1.b", "Đồ uống có cồn khác", "Other alcoholic drinks"),
    ProductGroup("II.2", "Đồ uống không cồn", "Non-alcoholic drinks"),
    ProductGroup("III", "Thảo dược", "Herbal products"),
    ProductGroup("III.1", "Thực phẩm chức năng, thuốc từ dược liệu", "Supplements and herbal medicines"),
    ProductGroup("III.2", "Mỹ phẩm có thành phần từ thảo dược", "Cosmetics from herbal ingredients"),
    ProductGroup("III.3", "Trà thảo dược", "Herbal teas"),
    ProductGroup("III.4", "Sản phẩm khác từ thảo dược", "Other herbal products"),
    ProductGroup("IV", "Thủ công mỹ nghệ", "Handicrafts"),
    ProductGroup("IV.1", "Thủ công mỹ nghệ, gia dụng, trang trí", "Handicrafts, household and decorative goods"),
    ProductGroup("IV.2", "Vải, may mặc", "Textiles and clothing"),
    ProductGroup("V", "Sinh vật cảnh", "Ornamental plants and animals"),
    ProductGroup("V.1", "Hoa, cây cảnh", "Flowers and ornamental plants"),
    ProductGroup("V.2", "Động vật cảnh", "Ornamental animals"),
    ProductGroup("VI", "Dịch vụ du lịch cộng đồng, du lịch nông nghiệp, điểm du lịch",
                 "Community and agricultural tourism services"),
)

GROUPS_BY_CODE: dict[str, ProductGroup] = {g.code: g for g in PRODUCT_GROUPS}

# 2019 programme group names (Decision 1048/QĐ-TTg) -> the 2023 group they now fall under.
LEGACY_GROUPS: dict[str, str] = {
    "food": "I",
    "thuc pham": "I",
    "drink": "II",
    "do uong": "II",
    "herbs": "III",
    "thao duoc": "III",
    "cloth": "IV.2",
    "vai va may mac": "IV.2",
    "keepsake": "IV.1",
    "luu niem - noi that - trang tri": "IV.1",
    "travel": "VI",
    "dich vu du lich nong thon": "VI",
}


def group_code_resolve(*, group_code: str | None, legacy_group: str | None) -> str | None:
    """The 2023 group code for a record: its own code when known, else its legacy group's. None if neither."""
    from marketplace.core.text import fold

    if group_code and group_code.strip() in GROUPS_BY_CODE:
        return group_code.strip()
    if legacy_group:
        return LEGACY_GROUPS.get(fold(legacy_group).strip())
    return None

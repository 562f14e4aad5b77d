"""The OCOP product groups of Decision 148/QĐ-TTg (2023): six groups and their sub-groups, coded by their
position in the decision's annex (I.4.a = group I, sub-group 4, item a). Also the older 2019 group names that
records from 2019-2022 may carry instead of a code.

The table follows the annex as `shared/registry/README.md` transcribes it ("Product groups"); each row says
where it comes from. A code the table lacks is filed under its nearest known parent (`group_code_nearest`).
When a row changes meaning, a data migration re-files what it holds
(certification/migrations/0003_group_table_decision_148_sync.py)."""

from __future__ import annotations

from dataclasses import dataclass

ANNEX = "QĐ 148/QĐ-TTg, phụ lục (registry README)"
# Headings the README lists only through their items: the name says what the items have in common.
HEADING = "QĐ 148/QĐ-TTg, phụ lục: tiêu đề nhóm, đặt tên theo các mục con"


@dataclass(frozen=True)
class ProductGroup:
    code: str
    name_vi: str
    name_en: str
    source: str = ANNEX

    @property
    def parent_code(self) -> str | None:
        parts = self.code.split(".")
        return ".".join(parts[:-1]) if len(parts) > 1 else None

    @property
    def level(self) -> int:
        return self.code.count(".")


PRODUCT_GROUPS: tuple[ProductGroup, ...] = (
    ProductGroup("I", "Thực phẩm", "Food"),
    ProductGroup("I.1", "Thực phẩm tươi sống", "Fresh food", HEADING),
    ProductGroup("I.1.a", "Rau, củ, quả, hạt tươi", "Fresh vegetables, fruit and nuts"),
    ProductGroup("I.1.b", "Thịt, thủy sản, trứng, sữa tươi", "Fresh meat, aquatic products, eggs and milk"),
    ProductGroup("I.2", "Thực phẩm thô, sơ chế", "Raw and pre-processed food", HEADING),
    ProductGroup("I.2.a", "Gạo, ngũ cốc, hạt sơ chế khác", "Rice, cereals and other pre-processed grains"),
    ProductGroup("I.2.b", "Mật ong, các loại mật khác, nông sản thực phẩm khác",
                 "Honey, other syrups and farm foods"),
    ProductGroup("I.3", "Thực phẩm chế biến", "Processed food", HEADING),
    ProductGroup("I.3.a", "Thực phẩm tiện lợi, ăn nhanh", "Fast food"),
    ProductGroup("I.3.b", "Chế biến từ gạo, ngũ cốc", "Processed from rice and cereals"),
    ProductGroup("I.3.c", "Chế biến từ rau, củ, quả, hạt", "Processed from vegetables, fruit and nuts"),
    ProductGroup("I.3.d", "Chế biến từ thịt, trứng, sữa, thủy sản, mật ong",
                 "Processed from meat, eggs, milk, aquatic products and honey"),
    ProductGroup("I.4", "Gia vị", "Condiments", HEADING),
    # The annex adds "other liquid condiments"; the short name is kept (it is what shoppers know).
    ProductGroup("I.4.a", "Tương, nước mắm", "Sauces and fish sauce"),
    ProductGroup("I.4.b", "Gia vị khác (muối, hành, tỏi, tiêu…)", "Other condiments (salt, onion, garlic, pepper)"),
    ProductGroup("I.5", "Chè", "Tea", HEADING),
    ProductGroup("I.5.a", "Chè tươi, chè chế biến", "Fresh and processed tea"),
    ProductGroup("I.5.b", "Sản phẩm chè (trà) từ thực vật khác", '"Tea" from other plants'),
    ProductGroup("I.6", "Cà phê, ca cao", "Coffee and cocoa"),
    ProductGroup("II", "Đồ uống", "Drinks"),
    ProductGroup("II.1", "Đồ uống có cồn", "Alcoholic drinks", HEADING),
    ProductGroup("II.1.a", "Rượu trắng", "White spirits"),
    ProductGroup("II.1.b", "Đồ uống có cồn khác", "Other alcoholic drinks"),
    ProductGroup("II.2", "Đồ uống không cồn", "Non-alcoholic drinks", HEADING),
    ProductGroup("II.2.a", "Nước khoáng, nước uống đóng chai", "Mineral and bottled water"),
    ProductGroup("II.2.b", "Đồ uống không cồn khác", "Other soft drinks"),
    ProductGroup("III", "Thảo dược", "Herbal products"),
    ProductGroup("III.1", "Thực phẩm chức năng, thuốc từ dược liệu", "Supplements and herbal medicines"),
    ProductGroup("III.2", "Mỹ phẩm có thành phần từ thảo dược", "Cosmetics from herbal ingredients"),
    ProductGroup("III.3", "Tinh dầu và sản phẩm khác từ thảo dược", "Essential oils and other herbal products"),
    ProductGroup("IV", "Thủ công mỹ nghệ", "Handicrafts"),
    ProductGroup("IV.1", "Thủ công mỹ nghệ, gia dụng, trang trí", "Handicrafts, household and decorative goods"),
    ProductGroup("IV.2", "Vải, may mặc", "Textiles and clothing"),
    ProductGroup("V", "Sinh vật cảnh", "Ornamental plants and animals"),
    ProductGroup("V.1", "Hoa", "Flowers"),
    ProductGroup("V.2", "Cây cảnh", "Ornamental plants"),
    ProductGroup("V.3", "Động vật cảnh", "Ornamental animals"),
    ProductGroup("VI", "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
                 "Community tourism, eco-tourism and tourist sites"),
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


def group_code_normalize(code: str | None) -> str:
    """"i.5.B", "I .5.b" -> "I.5.b": the group is a Roman numeral, the items digits and lower-case letters."""
    raw = (code or "").replace(" ", "").strip(".").split(".")
    return ".".join(part.upper() if index == 0 else part.lower() for index, part in enumerate(raw))


def group_code_nearest(code: str | None) -> str | None:
    """The code itself when the table has it, else its nearest known parent (I.5.b -> I.5 -> I); None when
    not even the group is known. Sources disagree on some sub-codes: an unknown one is never a reason to
    lose a certified product."""
    parts = group_code_normalize(code).split(".")
    while parts and parts[0]:
        candidate = ".".join(parts)
        if candidate in GROUPS_BY_CODE:
            return GROUPS_BY_CODE[candidate].code
        parts.pop()
    return None

"""The OCOP filter attributes (stars, product group, province), kept as Saleor attribute values so Saleor-style
`filter: {attributes: [...]}` works. Lives with the catalog because it needs the product-group list."""

from __future__ import annotations

from marketplace.attribute.models import Attribute
from marketplace.attribute.services import (
    OCOP_GROUP,
    OCOP_PROVINCE,
    OCOP_STARS,
    attribute_ensure,
    attribute_value_ensure,
)
from marketplace.core.geography import PROVINCES
from marketplace.product.ocop_groups import PRODUCT_GROUPS


def ocop_attributes_ensure() -> dict[str, Attribute]:
    """The OCOP filter attributes (stars, product group, province) with their values; idempotent."""
    stars = attribute_ensure(slug=OCOP_STARS, name="Hạng sao OCOP")
    for n in range(1, 6):
        attribute_value_ensure(attribute=stars, slug=f"{n}-sao", name=f"{n} sao", sort_order=n,
                               name_en=f"{n} star{'s' if n > 1 else ''}")
    group = attribute_ensure(slug=OCOP_GROUP, name="Nhóm sản phẩm OCOP")
    for order, g in enumerate(PRODUCT_GROUPS):
        attribute_value_ensure(attribute=group, slug=group_value_slug(g.code), name=g.name_vi,
                               sort_order=order, name_en=g.name_en)
    province = attribute_ensure(slug=OCOP_PROVINCE, name="Tỉnh, thành phố")
    for order, p in enumerate(PROVINCES):
        attribute_value_ensure(attribute=province, slug=p.code, name=p.name, sort_order=order)
    return {OCOP_STARS: stars, OCOP_GROUP: group, OCOP_PROVINCE: province}


def group_value_slug(code: str) -> str:
    return code.lower().replace(".", "-")

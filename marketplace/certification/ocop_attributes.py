"""The OCOP facts shoppers filter on, kept as Saleor-style attribute values: stars, product group, province.

Value slugs are stable and documented for filters: stars `3-sao`..`5-sao` (also `1-sao`, `2-sao` for products
that were rated but not certified), product group = the slugified code (`i-4-a`), province = its code
(`phu-tho`)."""

from __future__ import annotations

from marketplace.attribute import services as attribute_services
from marketplace.attribute.models import Attribute, AttributeValue
from marketplace.core.geography import PROVINCES, PROVINCES_BY_CODE
from marketplace.core.text import fold, vn_slugify
from marketplace.product import services as product_services
from marketplace.product.ocop_groups import GROUPS_BY_CODE, PRODUCT_GROUPS

_GROUP_ORDER = {g.code: i for i, g in enumerate(PRODUCT_GROUPS)}
_PROVINCE_ORDER = {p.code: i for i, p in enumerate(PROVINCES)}


def star_value_slug(stars: int) -> str:
    return f"{stars}-sao"


def group_value_slug(code: str) -> str:
    return vn_slugify(code.replace(".", "-"))


class OcopAttributeWriter:
    """Assigns the three attributes to products from their current certificate. Holds the attribute values it
    has ensured for the length of one batch (they are rows of this transaction)."""

    def __init__(self) -> None:
        self._attributes: dict[str, Attribute] = {}
        self._values: dict[tuple[str, str], AttributeValue] = {}

    def _attribute(self, slug: str, name: str) -> Attribute:
        if slug not in self._attributes:
            attribute = attribute_services.attribute_ensure(slug=slug, name=name)
            attribute_services.attribute_assign_to_product_type(
                attribute=attribute, product_type_id=product_services.product_type_ensure().pk,
                sort_order=len(self._attributes),
            )
            self._attributes[slug] = attribute
            # One query for the values that already exist; only missing ones are created one by one.
            self._values.update({(slug, value.slug): value for value in AttributeValue.objects.filter(
                attribute=attribute)})
        return self._attributes[slug]

    def _value(self, attribute: Attribute, *, slug: str, name: str, name_en: str, sort_order: int
               ) -> AttributeValue:
        key = (attribute.slug, slug)
        if key not in self._values:
            self._values[key] = attribute_services.attribute_value_ensure(
                attribute=attribute, slug=slug, name=name, name_en=name_en, sort_order=sort_order
            )
        return self._values[key]

    def _stars_attribute(self) -> Attribute:
        return self._attribute(attribute_services.OCOP_STARS, "Hạng sao OCOP")

    def _group_attribute(self) -> Attribute:
        return self._attribute(attribute_services.OCOP_GROUP, "Nhóm sản phẩm OCOP")

    def _province_attribute(self) -> Attribute:
        return self._attribute(attribute_services.OCOP_PROVINCE, "Tỉnh, thành phố")

    def stars(self, stars: int) -> AttributeValue:
        attribute = self._stars_attribute()
        return self._value(attribute, slug=star_value_slug(stars), name=f"{stars} sao",
                           name_en=f"{stars} stars",
                           sort_order=stars)

    def group(self, code: str) -> AttributeValue | None:
        group = GROUPS_BY_CODE.get(code)
        if group is None:
            return None
        attribute = self._group_attribute()
        return self._value(attribute, slug=group_value_slug(code), name=group.name_vi, name_en=group.name_en,
                           sort_order=_GROUP_ORDER[code])

    def province(self, code: str) -> AttributeValue | None:
        province = PROVINCES_BY_CODE.get(code)
        if province is None:
            return None
        attribute = self._province_attribute()
        return self._value(attribute, slug=province.code, name=province.name,
                           name_en=fold(province.name).title(),
                           sort_order=_PROVINCE_ORDER[code])

    def assign(self, *, current: dict[int, dict]) -> None:
        """`current`: product id -> its current certificate as a dict with stars, group_code and
        producer__province_code."""
        if not current:
            return
        attributes = {"stars": self._stars_attribute(), "group": self._group_attribute(),
                      "province": self._province_attribute()}
        by_attribute: dict[str, dict[int, list[AttributeValue]]] = {key: {} for key in attributes}
        for product_id, row in current.items():
            by_attribute["stars"][product_id] = [self.stars(row["stars"])]
            group = self.group(row["group_code"]) if row["group_code"] else None
            by_attribute["group"][product_id] = [group] if group else []
            province_code = row["producer__province_code"]
            province = self.province(province_code) if province_code else None
            by_attribute["province"][product_id] = [province] if province else []
        for key, attribute in attributes.items():
            attribute_services.attribute_values_assign_bulk(attribute=attribute,
                                                            values_by_product=by_attribute[key])

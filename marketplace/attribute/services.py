"""Attribute writes. The OCOP attributes (stars, product group, province) are kept in step with each product's
certificate and producer by attribute_values_assign_to_product, called by the certification services."""

from __future__ import annotations

from django.db import transaction

from marketplace.attribute.models import (
    AssignedProductAttributeValue,
    Attribute,
    AttributeInputType,
    AttributeProduct,
    AttributeValue,
    AttributeValueTranslation,
)

OCOP_STARS = "ocop-stars"
OCOP_GROUP = "ocop-product-group"
OCOP_PROVINCE = "province"


def attribute_ensure(*, slug: str, name: str, input_type: str = AttributeInputType.DROPDOWN) -> Attribute:
    attribute, _ = Attribute.objects.get_or_create(slug=slug, defaults={"name": name, "input_type": input_type})
    return attribute


def attribute_value_ensure(
    *, attribute: Attribute, slug: str, name: str, sort_order: int = 0, name_en: str | None = None
) -> AttributeValue:
    value, created = AttributeValue.objects.get_or_create(
        attribute=attribute, slug=slug, defaults={"name": name, "sort_order": sort_order}
    )
    if not created and value.name != name:
        value.name = name
        value.save(update_fields=["name"])
    if name_en:
        AttributeValueTranslation.objects.update_or_create(
            attribute_value=value, language_code="en", defaults={"name": name_en}
        )
    return value


@transaction.atomic
def attribute_values_assign_to_product(*, product_id: int, attribute: Attribute,
                                       values: list[AttributeValue]) -> None:
    """Replace the product's values of one attribute with `values` (no-op when they are already the same)."""
    current = set(
        AssignedProductAttributeValue.objects.filter(product_id=product_id, value__attribute=attribute)
        .values_list("value_id", flat=True)
    )
    wanted = {v.pk for v in values}
    if current == wanted:
        return
    AssignedProductAttributeValue.objects.filter(
        product_id=product_id, value__attribute=attribute
    ).exclude(value_id__in=wanted).delete()
    for order, value in enumerate(values):
        if value.pk not in current:
            AssignedProductAttributeValue.objects.create(product_id=product_id, value=value, sort_order=order)


def attribute_assign_to_product_type(*, attribute: Attribute, product_type_id: int,
                                     sort_order: int = 0) -> None:
    AttributeProduct.objects.get_or_create(attribute=attribute, product_type_id=product_type_id,
                                           defaults={"sort_order": sort_order})


@transaction.atomic
def attribute_values_assign_bulk(*, attribute: Attribute, values_by_product: dict[int, list[AttributeValue]]
                                 ) -> set[int]:
    """attribute_values_assign_to_product for many products in three queries; returns the products changed."""
    if not values_by_product:
        return set()
    current: dict[int, set[int]] = {pid: set() for pid in values_by_product}
    for pid, value_id in AssignedProductAttributeValue.objects.filter(
        product_id__in=list(values_by_product), value__attribute=attribute
    ).values_list("product_id", "value_id"):
        current[pid].add(value_id)
    changed = {pid for pid, values in values_by_product.items() if current[pid] != {v.pk for v in values}}
    if not changed:
        return set()
    AssignedProductAttributeValue.objects.filter(product_id__in=changed, value__attribute=attribute).delete()
    AssignedProductAttributeValue.objects.bulk_create([
        AssignedProductAttributeValue(product_id=pid, value=value, sort_order=order)
        for pid in changed for order, value in enumerate(values_by_product[pid])
    ])
    return changed

"""Batch reads keyed by ids, for APIs that resolve many objects at once (one query per call)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from marketplace.attribute.models import AssignedProductAttributeValue, AttributeValue
from marketplace.product.models import (
    Category,
    Collection,
    CollectionProduct,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
)


def _group(rows, key: str) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for row in rows:
        grouped[getattr(row, key)].append(row)
    return grouped


def variants_by_product_ids(ids: list[int]) -> dict[int, list[ProductVariant]]:
    return _group(ProductVariant.objects.filter(product_id__in=ids).order_by("sort_order", "pk"), "product_id")


def media_by_product_ids(ids: list[int]) -> dict[int, list[ProductMedia]]:
    return _group(ProductMedia.objects.filter(product_id__in=ids).order_by("sort_order", "pk"), "product_id")


def categories_by_ids(ids: list[int]) -> dict[int, Category]:
    return Category.objects.in_bulk(ids)


def product_types_by_ids(ids: list[int]) -> dict[int, ProductType]:
    return ProductType.objects.in_bulk(ids)


def products_by_ids(ids: list[int]) -> dict[int, Product]:
    return Product.objects.in_bulk(ids)


def variants_by_ids(ids: list[int]) -> dict[int, ProductVariant]:
    return ProductVariant.objects.in_bulk(ids)


def collections_by_ids(ids: list[int]) -> dict[int, Collection]:
    return Collection.objects.in_bulk(ids)


def product_translations_by_product_ids(ids: list[int], language: str) -> dict[int, ProductTranslation]:
    return {t.product_id: t for t in ProductTranslation.objects.filter(product_id__in=ids, language_code=language)}


def attribute_values_by_product_ids(ids: list[int]) -> dict[int, list[AttributeValue]]:
    rows = AssignedProductAttributeValue.objects.filter(product_id__in=ids).select_related(
        "value__attribute").order_by("value__attribute__storefront_search_position", "sort_order", "pk")
    grouped: dict[int, list[AttributeValue]] = defaultdict(list)
    for row in rows:
        grouped[row.product_id].append(row.value)
    return grouped


def collections_by_product_ids(ids: list[int]) -> dict[int, list[Collection]]:
    grouped: dict[int, list[Collection]] = defaultdict(list)
    for row in CollectionProduct.objects.filter(product_id__in=ids).select_related("collection"):
        grouped[row.product_id].append(row.collection)
    return grouped


def channel_listing_by_product_ids(ids: list[int], channel_id: int) -> dict[int, ProductChannelListing]:
    return {cl.product_id: cl for cl in ProductChannelListing.objects.filter(product_id__in=ids,
                                                                           channel_id=channel_id)}


def channel_listings_by_product_ids(ids: list[int]) -> dict[int, list[ProductChannelListing]]:
    return _group(ProductChannelListing.objects.filter(product_id__in=ids).select_related("channel"),
                  "product_id")


def variant_channel_listings_by_variant_ids(ids: list[int]) -> dict[int, list[ProductVariantChannelListing]]:
    return _group(ProductVariantChannelListing.objects.filter(variant_id__in=ids).select_related("channel"),
                  "variant_id")


def channel_variant_prices(*, product_ids: list[int], channel_slug: str) -> list[tuple[int, int, int, Decimal]]:
    """(variant id, product id, channel id, price) for every priced packaging of these products in a channel."""
    return list(ProductVariantChannelListing.objects.filter(
        variant__product_id__in=product_ids, channel__slug=channel_slug, price_amount__isnull=False,
    ).values_list("variant_id", "variant__product_id", "channel_id", "price_amount"))

"""Catalog reads that do not decide visibility (the listing rule lives in certification.selectors): filters,
sorting, categories, collections, attribute values."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from marketplace.attribute.models import AssignedProductAttributeValue
from marketplace.core.text import fold
from marketplace.product.models import (
    Category,
    Collection,
    CollectionChannelListing,
    Product,
    ProductChannelListing,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
)


def category_descendant_ids(*, category_ids: Iterable[int]) -> set[int]:
    """The categories and all their descendants (the tree is small: a few dozen OCOP groups)."""
    parents = dict(Category.objects.values_list("pk", "parent_id"))
    children: dict[int | None, list[int]] = {}
    for pk, parent in parents.items():
        children.setdefault(parent, []).append(pk)
    result: set[int] = set()
    stack = [pk for pk in category_ids if pk in parents]
    while stack:
        pk = stack.pop()
        if pk not in result:
            result.add(pk)
            stack.extend(children.get(pk, []))
    return result


def products_filter_categories(qs: QuerySet[Product], *, category_ids: list[int]) -> QuerySet[Product]:
    return qs.filter(category_id__in=category_descendant_ids(category_ids=category_ids))


def products_filter_collections(qs: QuerySet[Product], *, collection_ids: list[int]) -> QuerySet[Product]:
    return qs.filter(collections__pk__in=collection_ids).distinct()


def products_filter_attributes(qs: QuerySet[Product], *, values_by_attribute: dict[str, list[str]]
                               ) -> QuerySet[Product]:
    """Products having, for every attribute slug given, at least one of the value slugs given."""
    for attribute_slug, value_slugs in values_by_attribute.items():
        qs = qs.filter(Exists(AssignedProductAttributeValue.objects.filter(
            product_id=OuterRef("pk"), value__attribute__slug=attribute_slug, value__slug__in=value_slugs
        )))
    return qs


def products_filter_price(qs: QuerySet[Product], *, channel_id: int, gte: Decimal | None = None,
                          lte: Decimal | None = None) -> QuerySet[Product]:
    prices = ProductVariantChannelListing.objects.filter(
        variant__product_id=OuterRef("pk"), channel_id=channel_id, price_amount__isnull=False
    )
    if gte is not None:
        prices = prices.filter(price_amount__gte=gte)
    if lte is not None:
        prices = prices.filter(price_amount__lte=lte)
    return qs.filter(Exists(prices))


def products_filter_text(qs: QuerySet[Product], *, text: str) -> QuerySet[Product]:
    """Plain folded-substring match; the ranked search lives in marketplace.search."""
    folded = fold(text).strip()
    if not folded:
        return qs
    return qs.filter(Q(search_document__icontains=folded) | Q(name__icontains=text.strip()))


SORT_FIELDS = {"NAME", "PRICE", "MINIMAL_PRICE", "CREATED_AT", "LAST_MODIFIED_AT", "LAST_MODIFIED", "DATE",
               "PUBLISHED_AT", "PUBLICATION_DATE", "PUBLISHED", "TYPE", "RANK", "RATING", "COLLECTION"}


def products_sort(qs: QuerySet[Product], *, field: str, descending: bool, channel_id: int | None
                  ) -> QuerySet[Product]:
    """Order by a Saleor ProductOrderField name; pk breaks ties so pages never overlap."""
    def by(expr):
        return expr.desc(nulls_last=True) if descending else expr.asc(nulls_last=True)

    if field in {"PRICE", "MINIMAL_PRICE"} and channel_id:
        from django.db.models import Subquery

        qs = qs.annotate(sort_price=Subquery(ProductChannelListing.objects.filter(
            product_id=OuterRef("pk"), channel_id=channel_id).values("discounted_price_amount")[:1]))
        key = by(F("sort_price"))
    elif field in {"PUBLISHED_AT", "PUBLICATION_DATE", "PUBLISHED"} and channel_id:
        from django.db.models import Subquery

        qs = qs.annotate(sort_published=Subquery(ProductChannelListing.objects.filter(
            product_id=OuterRef("pk"), channel_id=channel_id).values("published_at")[:1]))
        key = by(F("sort_published"))
    elif field == "CREATED_AT":
        key = by(F("created_at"))
    elif field in {"LAST_MODIFIED_AT", "LAST_MODIFIED", "DATE"}:
        key = by(F("updated_at"))
    elif field == "TYPE":
        key = by(F("product_type__name"))
    elif field == "RATING":
        key = by(F("rating"))
    else:
        key = by(F("name"))
    return qs.order_by(key, "-pk" if descending else "pk")


def product_get(*, qs: QuerySet[Product], pk: int | None = None, slug: str | None = None,
                external_reference: str | None = None) -> Product | None:
    if pk is not None:
        return qs.filter(pk=pk).first()
    if slug is not None:
        return qs.filter(slug=slug).first()
    if external_reference is not None:
        return qs.filter(external_reference=external_reference).first()
    return None


def variants_for_products(*, product_ids: list[int]) -> QuerySet[ProductVariant]:
    return ProductVariant.objects.filter(product_id__in=product_ids)


def variant_prices(*, variant_ids: list[int], channel_id: int) -> dict[int, Decimal | None]:
    return dict(ProductVariantChannelListing.objects.filter(
        variant_id__in=variant_ids, channel_id=channel_id
    ).values_list("variant_id", "price_amount"))


def category_list(*, level: int | None = None) -> QuerySet[Category]:
    qs = Category.objects.all()
    return qs.filter(level=level) if level is not None else qs


def categories_with_counts() -> QuerySet[Category]:
    return Category.objects.annotate(product_count=Count("products"), subcategory_count=Count("children"))


def collection_list(*, channel_id: int | None, published_only: bool) -> QuerySet[Collection]:
    qs = Collection.objects.all()
    if published_only:
        qs = qs.filter(Exists(CollectionChannelListing.objects.filter(
            collection_id=OuterRef("pk"), channel_id=channel_id, is_published=True)))
    return qs


def product_type_get(*, pk: int) -> ProductType | None:
    return ProductType.objects.filter(pk=pk).first()


def products_filter_provinces(qs: QuerySet[Product], *, province_codes: list[str]) -> QuerySet[Product]:
    return qs.filter(producer__province_code__in=province_codes)


def products_filter_metadata(qs: QuerySet[Product], *, items: list[tuple[str, str | None]]) -> QuerySet[Product]:
    for key, value in items:
        qs = qs.filter(metadata__contains={key: value}) if value is not None else qs.filter(metadata__has_key=key)
    return qs


def products_filter_price_in(qs: QuerySet[Product], *, channel_id: int, amounts: list[Decimal]) -> QuerySet[Product]:
    return qs.filter(Exists(ProductVariantChannelListing.objects.filter(
        variant__product_id=OuterRef("pk"), channel_id=channel_id, price_amount__in=amounts)))

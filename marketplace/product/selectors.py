"""Catalog reads that do not decide visibility (the listing rule lives in certification.selectors): filters,
sorting, categories, collections, attribute values."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from marketplace.attribute.models import AssignedProductAttributeValue
from marketplace.core.text import ascii_int, fold
from marketplace.product.models import (
    Category,
    CategoryTranslation,
    Collection,
    CollectionChannelListing,
    Product,
    ProductChannelListing,
    ProductMedia,
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


@dataclass
class CategoryNode:
    id: int
    code: str
    slug: str
    name: str
    parent_id: int | None
    level: int
    children: list[CategoryNode] = field(default_factory=list)

    @property
    def descendant_ids(self) -> list[int]:
        return [self.id, *(pk for child in self.children for pk in child.descendant_ids)]


@dataclass(frozen=True)
class CategoryTree:
    roots: list[CategoryNode]
    by_id: dict[int, CategoryNode]

    def find(self, key: str | None) -> CategoryNode | None:
        """A node by slug, OCOP code ('I.4.a', case-insensitive) or id."""
        if not key:
            return None
        key = key.strip()
        for node in self.by_id.values():
            if node.slug == key or (node.code and node.code.lower() == key.lower()):
                return node
        number = ascii_int(key, max_digits=18)
        return self.by_id.get(number) if number is not None else None

    def path(self, node: CategoryNode) -> list[CategoryNode]:
        chain = [node]
        while chain[0].parent_id is not None and chain[0].parent_id in self.by_id:
            chain.insert(0, self.by_id[chain[0].parent_id])
        return chain

    def rolled_up_counts(self, counts: dict[int, int]) -> dict[int, int]:
        """Counts per category -> counts per category including everything below it."""
        totals: dict[int, int] = {}
        for category_id, count in counts.items():
            node = self.by_id.get(category_id)
            while node is not None:
                totals[node.id] = totals.get(node.id, 0) + count
                node = self.by_id.get(node.parent_id) if node.parent_id is not None else None
        return totals


def category_tree_get(*, language_code: str = "vi") -> CategoryTree:
    """The whole product-group tree in one query, names in the given language when translated."""
    qs = Category.objects.order_by("sort_order", "code", "pk")
    if language_code != "vi":
        qs = qs.annotate(translated_name=Subquery(
            CategoryTranslation.objects.filter(category_id=OuterRef("pk"), language_code=language_code)
            .values("name")[:1]
        ))
    nodes = [
        CategoryNode(id=c.pk, code=c.code or "", slug=c.slug,
                     name=getattr(c, "translated_name", None) or c.name, parent_id=c.parent_id, level=c.level)
        for c in qs.only("pk", "code", "slug", "name", "parent_id", "level")
    ]
    by_id = {node.id: node for node in nodes}
    roots = []
    for node in nodes:
        parent = by_id.get(node.parent_id) if node.parent_id is not None else None
        (parent.children if parent else roots).append(node)
    return CategoryTree(roots=roots, by_id=by_id)


@dataclass(frozen=True)
class VariantOffer:
    id: int
    name: str
    sku: str
    price: Decimal | None
    undiscounted: Decimal | None = None  # the channel price before a promotion, when one applies
    promotion_id: int | None = None


def product_variant_offers(*, product_id: int, channel_slug: str) -> list[VariantOffer]:
    """Each packaging of the product with its price in the channel (None: not priced there yet)."""
    price = ProductVariantChannelListing.objects.filter(
        variant_id=OuterRef("pk"), channel__slug=channel_slug
    ).values("price_amount")[:1]
    variants = ProductVariant.objects.filter(product_id=product_id).annotate(channel_price=Subquery(price))
    return [VariantOffer(id=v.pk, name=str(v), sku=v.sku or "", price=v.channel_price) for v in variants]


@dataclass(frozen=True)
class MediaItem:
    url: str
    alt: str


PAGE_IMAGE_SIZE, CARD_IMAGE_SIZE = 1024, 512


def _media_url(media: ProductMedia, size: int = PAGE_IMAGE_SIZE) -> str:
    from marketplace.product.thumbnails import thumbnail_path

    if media.image:
        return thumbnail_path(media_id=media.pk, size=size, fmt="webp") or media.image.url
    return media.external_url or ""


def product_media_list(*, product_id: int) -> list[MediaItem]:
    media = ProductMedia.objects.filter(product_id=product_id)
    return [MediaItem(url=_media_url(m), alt=m.alt) for m in media if _media_url(m)]


def product_media_get(*, media_id: int) -> ProductMedia | None:
    return ProductMedia.objects.filter(pk=media_id).first()


def product_media_for_product(*, product_id: int) -> list[ProductMedia]:
    return list(ProductMedia.objects.filter(product_id=product_id).order_by("sort_order", "pk"))


def product_first_media(*, product_ids: Sequence[int]) -> dict[int, MediaItem]:
    """product id -> its first image, in one query (for product cards)."""
    first = (
        ProductMedia.objects.filter(product_id__in=product_ids)
        .filter((Q(image__isnull=False) & ~Q(image=""))
                | (Q(external_url__isnull=False) & ~Q(external_url="")))
        .order_by("product_id", "sort_order", "pk").distinct("product_id")
    )
    return {m.product_id: MediaItem(url=_media_url(m, CARD_IMAGE_SIZE), alt=m.alt) for m in first}


def product_published_q(*, channel_id: int | None = None, channel_slug: str | None = None,
                        at: datetime | None = None, in_listings: bool = False) -> Q:
    """Published in the channel with its publication date reached (and visible in listings, for lists). The
    listing rule (certification.selectors) comes on top of this; every shopper-facing query uses both."""
    channel = {"channel_id": channel_id} if channel_id is not None else {"channel__slug": channel_slug}
    listing = ProductChannelListing.objects.filter(product_id=OuterRef("pk"), is_published=True, **channel).filter(
        Q(published_at__isnull=True) | Q(published_at__lte=at or timezone.now()))
    if in_listings:
        listing = listing.filter(visible_in_listings=True)
    return Q(Exists(listing))


def product_get_for_staff(*, product_id: int) -> Product | None:
    """Any product, listed or not (catalogue staff manage unpublished and unpriced ones too)."""
    return Product.objects.filter(pk=product_id).select_related("producer", "category").first()


def variant_get_for_staff(*, variant_id: int | None = None, sku: str | None = None) -> ProductVariant | None:
    if variant_id is not None:
        return ProductVariant.objects.filter(pk=variant_id).select_related("product").first()
    if sku:
        return ProductVariant.objects.filter(sku=sku).select_related("product").first()
    return None

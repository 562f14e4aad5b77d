"""Catalog reads that need nothing above the product app: the product-group tree, variants with channel
prices, media. Whether a product may be shown at all is the listing rule's job (certification.selectors);
callers that show products to shoppers combine these reads with it (see marketplace.search.catalog)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, Q, Subquery

from marketplace.product.models import (
    Category,
    CategoryTranslation,
    ProductMedia,
    ProductVariant,
    ProductVariantChannelListing,
)


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
        return self.by_id.get(int(key)) if key.isdigit() else None

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


def _media_url(media: ProductMedia) -> str:
    if media.image:
        return media.image.url
    return media.external_url or ""


def product_media_list(*, product_id: int) -> list[MediaItem]:
    media = ProductMedia.objects.filter(product_id=product_id)
    return [MediaItem(url=_media_url(m), alt=m.alt) for m in media if _media_url(m)]


def product_first_media(*, product_ids: Sequence[int]) -> dict[int, MediaItem]:
    """product id -> its first image, in one query (for product cards)."""
    first = (
        ProductMedia.objects.filter(product_id__in=product_ids)
        .filter((Q(image__isnull=False) & ~Q(image=""))
                | (Q(external_url__isnull=False) & ~Q(external_url="")))
        .order_by("product_id", "sort_order", "pk").distinct("product_id")
    )
    return {m.product_id: MediaItem(url=_media_url(m), alt=m.alt) for m in first}

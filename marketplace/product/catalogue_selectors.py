"""Reads for the catalogue console: the product list (search, "no price yet") and one product's packagings,
prices and publication per channel."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from marketplace.channel.models import Channel
from marketplace.core.text import fold
from marketplace.product.models import (
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductVariant,
    ProductVariantChannelListing,
)


def catalogue_products(*, search: str = "", channel_id: int, without_price: bool = False) -> QuerySet[Product]:
    """Products for staff (listed or not), newest first; `without_price`: some packaging has no price in the
    channel (what a fresh registry sync leaves)."""
    priced = ProductVariantChannelListing.objects.filter(variant_id=OuterRef("pk"), channel_id=channel_id,
                                                         price_amount__isnull=False)
    unpriced_variants = ProductVariant.objects.filter(product_id=OuterRef("pk")).filter(~Exists(priced))
    qs = (Product.objects.select_related("producer")
          .annotate(variant_count=Count("variants", distinct=True), needs_price=Exists(unpriced_variants),
                    is_published=Exists(ProductChannelListing.objects.filter(
                        product_id=OuterRef("pk"), channel_id=channel_id, is_published=True)),
                    photo_count=Count("media", distinct=True))
          .order_by("-created_at", "pk"))
    if search:
        folded = fold(search)
        qs = qs.filter(Q(name__unaccent__icontains=search) | Q(search_document__icontains=folded)
                       | Q(variants__sku__icontains=search) | Q(external_reference__icontains=search)
                       | Q(producer__name__unaccent__icontains=search)).distinct()
    if without_price:
        qs = qs.filter(needs_price=True)
    return qs


@dataclass(frozen=True)
class VariantPriceRow:
    variant: ProductVariant
    price: Decimal | None
    prior_price: Decimal | None


@dataclass(frozen=True)
class ChannelPanel:
    channel: Channel
    listing: ProductChannelListing | None
    variants: list[VariantPriceRow]


@dataclass(frozen=True)
class CatalogueProduct:
    product: Product
    channels: list[ChannelPanel]
    media: list[ProductMedia]
    translation: ProductTranslation | None


def catalogue_product_get(*, product_id: int) -> CatalogueProduct | None:
    product = Product.objects.select_related("producer", "category").filter(pk=product_id).first()
    if product is None:
        return None
    variants = list(ProductVariant.objects.filter(product=product).order_by("sort_order", "pk"))
    prices = {(vl.variant_id, vl.channel_id): vl for vl in
              ProductVariantChannelListing.objects.filter(variant__product=product)}
    listings = {pl.channel_id: pl for pl in ProductChannelListing.objects.filter(product=product)}
    panels = [ChannelPanel(channel=channel, listing=listings.get(channel.pk), variants=[
        VariantPriceRow(variant=v, price=getattr(prices.get((v.pk, channel.pk)), "price_amount", None),
                        prior_price=getattr(prices.get((v.pk, channel.pk)), "prior_price_amount", None))
        for v in variants]) for channel in Channel.objects.order_by("pk")]
    return CatalogueProduct(product=product, channels=panels,
                            media=list(ProductMedia.objects.filter(product=product).order_by("sort_order", "pk")),
                            translation=ProductTranslation.objects.filter(product=product,
                                                                          language_code="en").first())

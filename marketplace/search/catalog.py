"""Storefront reads that combine the catalog with the listing rule, certificates and stock: product cards for
lists, the product page, recently certified products. Every product a shopper sees comes through here or
through product_search, and both apply certification.selectors' listing rule and the channel's publication.

A listable product with no price, or nothing in stock, is still shown with its badge; `on_sale` is False and
the page says "Chưa mở bán" (not on sale yet).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.db.models import OuterRef, Subquery

from marketplace.certification.models import Certificate
from marketplace.certification.selectors import (
    certificate_current_for_product,
    certificates_current_for_products,
    products_listable,
    valid_certificates,
)
from marketplace.channel.selectors import channel_get_by_slug
from marketplace.core.geography import PROVINCES_BY_CODE, Province
from marketplace.discount.selectors import VariantPrice, prices_with_promotions, variant_prices_get
from marketplace.fair.selectors import ProductFair, fair_for_product
from marketplace.producer.models import Producer
from marketplace.product.batch_selectors import channel_variant_prices
from marketplace.product.models import CategoryTranslation, Product, ProductChannelListing, ProductTranslation
from marketplace.product.rich_text import editorjs_html
from marketplace.product.selectors import (
    MediaItem,
    VariantOffer,
    product_first_media,
    product_media_list,
    product_published_q,
    product_variant_offers,
)
from marketplace.warehouse.selectors import (
    SalesPointAvailability,
    sales_point_availability_for_product,
    stock_available_q_for_product,
)


@dataclass(frozen=True)
class ProductCard:
    id: int
    slug: str
    name: str
    producer_name: str
    producer_slug: str
    province: Province | None
    category_name: str
    stars: int | None
    price: Decimal | None
    on_sale: bool
    at_sales_point: bool
    image: MediaItem | None
    undiscounted: Decimal | None = None  # shown struck through when a promotion (fair price) applies


def _channel(channel_slug: str | None) -> str:
    return channel_slug or settings.DEFAULT_CHANNEL_SLUG


def _with_shop_annotations(qs, *, channel_slug: str, language_code: str):
    price = ProductChannelListing.objects.filter(product_id=OuterRef("pk"), channel__slug=channel_slug)
    qs = qs.annotate(
        channel_price=Subquery(price.values("discounted_price_amount")[:1]),
        in_stock=stock_available_q_for_product(channel_slug=channel_slug),
        at_sales_point=stock_available_q_for_product(public_only=True),
    )
    if language_code != "vi":
        translation = ProductTranslation.objects.filter(product_id=OuterRef("pk"),
                                                        language_code=language_code)
        category = CategoryTranslation.objects.filter(category_id=OuterRef("category_id"),
                                                      language_code=language_code)
        qs = qs.annotate(translated_name=Subquery(translation.values("name")[:1]),
                         translated_description=Subquery(translation.values("description")[:1]),
                         translated_category_name=Subquery(category.values("name")[:1]))
    return qs


def product_cards_get(*, product_ids: Sequence[int], channel_slug: str | None = None,
                      language_code: str = "vi", at: datetime | None = None) -> list[ProductCard]:
    """Cards for these products, in the given order, leaving out any no longer listable (three queries)."""
    channel = _channel(channel_slug)
    qs = products_listable(
        queryset=Product.objects.filter(pk__in=product_ids).filter(
            product_published_q(channel_slug=channel, at=at, in_listings=False)),
        at=at,
    ).select_related("producer", "category")
    qs = _with_shop_annotations(qs, channel_slug=channel, language_code=language_code)
    products = {p.pk: p for p in qs}
    certificates = certificates_current_for_products(product_ids=list(products))
    media = product_first_media(product_ids=list(products))
    prices_now = _cheapest_prices_now([pk for pk, p in products.items() if p.channel_price is not None],
                                      channel_slug=channel, at=at)
    cards = []
    for pk in product_ids:
        product = products.get(pk)
        if product is None:
            continue
        producer = product.producer
        certificate = certificates.get(pk)
        cards.append(ProductCard(
            id=pk, slug=product.slug, name=getattr(product, "translated_name", None) or product.name,
            producer_name=producer.name if producer else "", producer_slug=producer.slug if producer else "",
            province=PROVINCES_BY_CODE.get(producer.province_code) if producer else None,
            category_name=product.category.name if product.category else "",
            stars=certificate.stars if certificate else None,
            price=prices_now[pk].price if pk in prices_now else None,
            undiscounted=prices_now[pk].undiscounted if pk in prices_now else None,
            on_sale=pk in prices_now and product.in_stock,
            at_sales_point=product.at_sales_point, image=media.get(pk),
        ))
    return cards


def products_recently_certified_ids(*, limit: int = 8, channel_slug: str | None = None,
                                    at: datetime | None = None) -> list[int]:
    """Listable products by the date of their newest valid certificate, newest first (one query)."""
    rows = (
        valid_certificates(at=at)
        .filter(product__in=Product.objects.filter(
            product_published_q(channel_slug=_channel(channel_slug), at=at, in_listings=True)))
        .order_by("-decision_date", "-pk")
        .values_list("product_id", flat=True)[: limit * 3]
    )
    ids: list[int] = []
    for pk in rows:
        if pk not in ids:
            ids.append(pk)
    return ids[:limit]


def _offers_priced_now(variants: list[VariantOffer], *, channel_slug: str, at: datetime | None
                       ) -> list[VariantOffer]:
    """The shopper's price now for each packaging: the channel price with any running promotion (fair price)."""
    channel = channel_get_by_slug(slug=channel_slug)
    if channel is None or not variants:
        return variants
    prices = variant_prices_get(variant_ids=[v.id for v in variants], channel_id=channel.pk, at=at)
    return [replace(v, price=prices[v.id].price, undiscounted=prices[v.id].undiscounted,
                    promotion_id=prices[v.id].promotion_id)
            if v.id in prices else replace(v, price=None) for v in variants]


def _cheapest_prices_now(product_ids: list[int], *, channel_slug: str, at: datetime | None
                         ) -> dict[int, VariantPrice]:
    """product id -> its cheapest packaging's price now (promotions applied), in two queries."""
    if not product_ids:
        return {}
    rows = channel_variant_prices(product_ids=product_ids, channel_slug=channel_slug)
    if not rows:
        return {}
    channel_id = rows[0][2]
    prices = prices_with_promotions(channel_prices={variant_id: amount for variant_id, _, _, amount in rows},
                                    channel_id=channel_id, at=at)
    cheapest: dict[int, VariantPrice] = {}
    for variant_id, product_id, _, _ in rows:
        price = prices[variant_id]
        if product_id not in cheapest or price.price < cheapest[product_id].price:
            cheapest[product_id] = price
    return cheapest


@dataclass(frozen=True)
class ProductPage:
    product: Product
    name: str
    description: str
    producer: Producer | None
    province: Province | None
    certificate: Certificate | None
    variants: list[VariantOffer]
    media: list[MediaItem]
    sales_points: list[SalesPointAvailability]
    price_from: Decimal | None
    on_sale: bool
    fair: ProductFair | None = None  # the fair the product is on show at right now
    category_name: str = ""
    description_html: str = ""  # the rich description, sanitised (marketplace.product.rich_text)

    @property
    def best_price(self) -> VariantPrice | None:
        priced = [v for v in self.variants if v.price is not None]
        if not priced:
            return None
        cheapest = min(priced, key=lambda v: v.price)
        return VariantPrice(undiscounted=cheapest.undiscounted or cheapest.price, price=cheapest.price,
                            promotion_id=cheapest.promotion_id)

    @property
    def is_fair_price(self) -> bool:
        return self.fair is not None and self.fair.price_is_fair_price(self.best_price)


def _description_text(description: dict | None, fallback: str) -> str:
    if not description:
        return fallback
    blocks = description.get("blocks", []) if isinstance(description, dict) else []
    return "\n\n".join(str(b.get("data", {}).get("text", "")) for b in blocks if b.get("data")) or fallback


def product_page_get(*, slug: str, channel_slug: str | None = None, language_code: str = "vi",
                     at: datetime | None = None) -> ProductPage | None:
    """Everything the product page shows; None when the product is unknown or not listable (six queries)."""
    channel = _channel(channel_slug)
    qs = products_listable(
        queryset=Product.objects.filter(slug=slug).filter(
            product_published_q(channel_slug=channel, at=at, in_listings=False)),
        at=at,
    ).select_related("producer", "category")
    product = _with_shop_annotations(qs, channel_slug=channel, language_code=language_code).first()
    if product is None:
        return None
    variants = _offers_priced_now(product_variant_offers(product_id=product.pk, channel_slug=channel),
                                  channel_slug=channel, at=at)
    producer = product.producer
    priced = [v.price for v in variants if v.price is not None]
    return ProductPage(
        product=product,
        name=getattr(product, "translated_name", None) or product.name,
        description=_description_text(getattr(product, "translated_description", None), "")
        or product.description_plaintext,
        producer=producer,
        province=PROVINCES_BY_CODE.get(producer.province_code) if producer else None,
        certificate=certificate_current_for_product(product_id=product.pk),
        variants=variants,
        media=product_media_list(product_id=product.pk),
        sales_points=sales_point_availability_for_product(product_id=product.pk),
        price_from=min(priced) if priced else None,
        on_sale=bool(priced) and product.in_stock,
        fair=fair_for_product(product_id=product.pk, at=at),
        category_name=(getattr(product, "translated_category_name", None)
                       or (product.category.name if product.category else "")),
        description_html=editorjs_html(getattr(product, "translated_description", None) or product.description),
    )


def product_slug_shown(*, product_id: int, channel_slug: str | None = None, at: datetime | None = None
                       ) -> str | None:
    """The product page's slug if the product page would show the product now, else None (one query)."""
    qs = Product.objects.filter(pk=product_id).filter(
        product_published_q(channel_slug=_channel(channel_slug), at=at, in_listings=False))
    return products_listable(queryset=qs, at=at).values_list("slug", flat=True).first()


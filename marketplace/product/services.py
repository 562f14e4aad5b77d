"""Catalog writes: the category tree, product types, products, variants, prices, media."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from marketplace.core.money import vnd
from marketplace.core.text import fold, vn_slugify
from marketplace.product.models import (
    Category,
    CategoryTranslation,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
)
from marketplace.product.ocop_groups import PRODUCT_GROUPS


def editorjs_from_text(text: str) -> dict | None:
    """Rich text as Saleor stores it (EditorJS blocks), one paragraph per blank-line-separated block."""
    if not text:
        return None
    blocks = [{"type": "paragraph", "data": {"text": para.strip()}} for para in text.split("\n\n") if para.strip()]
    return {"time": 0, "blocks": blocks, "version": "2.24.3"}


@transaction.atomic
def category_tree_ensure() -> dict[str, Category]:
    """Create the OCOP product-group tree (idempotent); returns categories by group code."""
    by_code: dict[str, Category] = {c.code: c for c in Category.objects.filter(code__isnull=False)}
    for order, group in enumerate(PRODUCT_GROUPS):
        if group.code in by_code:
            continue
        parent = by_code.get(group.parent_code) if group.parent_code else None
        slug = vn_slugify(f"{group.code.replace('.', '-')}-{group.name_vi}")[:255]
        category = Category.objects.create(
            name=group.name_vi, slug=slug, code=group.code, parent=parent, level=group.level, sort_order=order,
            seo_title=group.name_vi[:70],
        )
        CategoryTranslation.objects.create(category=category, language_code="en", name=group.name_en)
        by_code[group.code] = category
    return by_code


def product_type_ensure(*, name: str = "Sản phẩm OCOP", slug: str = "ocop-product") -> ProductType:
    product_type, _ = ProductType.objects.get_or_create(slug=slug, defaults={"name": name})
    return product_type


def unique_slug(model: type, base: str, *, exclude_pk: int | None = None) -> str:
    base = (vn_slugify(base) or "item")[:240]
    slug, n = base, 1
    qs = model.objects.all()
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def product_create(
    *, name: str, product_type: ProductType, category: Category | None = None, description: str = "",
    producer_id: int | None = None, external_reference: str | None = None, name_en: str | None = None,
    description_en: str | None = None, slug: str | None = None,
) -> Product:
    product = Product.objects.create(
        name=name, slug=slug or unique_slug(Product, name), product_type=product_type, category=category,
        description=editorjs_from_text(description), description_plaintext=description,
        producer_id=producer_id, external_reference=external_reference, seo_title=name[:70],
        seo_description=description[:300] if description else None,
        search_document=fold(f"{name} {description}"),
    )
    if name_en or description_en:
        ProductTranslation.objects.create(
            product=product, language_code="en", name=name_en, description=editorjs_from_text(description_en or "")
        )
    return product


def product_variant_create(*, product: Product, name: str, sku: str | None = None, barcode: str = "",
                           weight_grams: int | None = None, sort_order: int = 0) -> ProductVariant:
    return ProductVariant.objects.create(product=product, name=name, sku=sku, barcode=barcode,
                                         weight_grams=weight_grams, sort_order=sort_order)


@transaction.atomic
def product_channel_listing_update(
    *, product: Product, channel_id: int, is_published: bool = True, available_for_purchase: bool = True,
    visible_in_listings: bool = True,
) -> ProductChannelListing:
    now = timezone.now()
    listing, _ = ProductChannelListing.objects.update_or_create(
        product=product, channel_id=channel_id,
        defaults={
            "is_published": is_published,
            "published_at": now if is_published else None,
            "visible_in_listings": visible_in_listings,
            "available_for_purchase_at": now if available_for_purchase else None,
        },
    )
    product_price_cache_update(product_id=product.pk, channel_id=channel_id)
    return listing


@transaction.atomic
def variant_price_set(*, variant: ProductVariant, channel_id: int, price: Decimal | int,
                      cost_price: Decimal | int | None = None) -> ProductVariantChannelListing:
    listing, _ = ProductVariantChannelListing.objects.update_or_create(
        variant=variant, channel_id=channel_id,
        defaults={"price_amount": vnd(price), "cost_price_amount": vnd(cost_price) if cost_price else None},
    )
    product_price_cache_update(product_id=variant.product_id, channel_id=channel_id)
    return listing


def product_price_cache_update(*, product_id: int, channel_id: int) -> None:
    """Keep ProductChannelListing.discounted_price_amount = the cheapest variant price (for sort and filter)."""
    cheapest = ProductVariantChannelListing.objects.filter(
        variant__product_id=product_id, channel_id=channel_id, price_amount__isnull=False
    ).aggregate(m=Min("price_amount"))["m"]
    ProductChannelListing.objects.filter(product_id=product_id, channel_id=channel_id).update(
        discounted_price_amount=cheapest
    )


def product_media_create(*, product: Product, image_name: str, image_bytes: bytes, alt: str = "",
                         sort_order: int = 0) -> ProductMedia:
    from django.core.files.base import ContentFile

    media = ProductMedia(product=product, alt=alt, sort_order=sort_order)
    media.image.save(image_name, ContentFile(image_bytes), save=False)
    media.save()
    return media


def product_media_create_external(*, product: Product, url: str, alt: str = "", sort_order: int = 0
                                  ) -> ProductMedia:
    return ProductMedia.objects.create(product=product, external_url=url, alt=alt, sort_order=sort_order)


def product_mark_search_dirty(*, product_ids: list[int]) -> None:
    Product.objects.filter(pk__in=product_ids).update(search_index_dirty=True)

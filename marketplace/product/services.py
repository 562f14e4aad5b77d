"""Catalog writes: the category tree, product types, products, variants, prices, media."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.core.text import fold, vn_slugify
from marketplace.product.error_codes import ProductErrorCode
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


def vnd_price_parse(value: object, *, field: str = "price") -> Decimal:
    """A price as whole đồng: refuses negative, fractional and non-numeric values (VND has no minor unit)."""
    try:
        amount = Decimal(str(value).strip().replace(" ", ""))
    except (InvalidOperation, ValueError):
        raise DomainError(_("Giá phải là một số (đồng)."), code=ProductErrorCode.INVALID_PRICE, field=field)
    if not amount.is_finite() or amount < 0:
        raise DomainError(_("Giá không được âm."), code=ProductErrorCode.INVALID_PRICE, field=field)
    if amount != amount.to_integral_value():
        raise DomainError(_("Giá tính bằng đồng, không có phần lẻ."), code=ProductErrorCode.INVALID_PRICE,
                          field=field)
    if amount >= Decimal(10) ** 14:
        raise DomainError(_("Giá quá lớn."), code=ProductErrorCode.INVALID_PRICE, field=field)
    return amount.quantize(Decimal("1"))


def _amount(value: object | None, field: str) -> Decimal | None:
    return None if value is None or value == "" else vnd_price_parse(value, field=field)


@transaction.atomic
def variant_price_set(*, variant: ProductVariant, channel_id: int, price: Decimal | int | str,
                      cost_price: Decimal | int | str | None = None, prior_price: Decimal | int | str | None = None,
                      actor: object = None) -> ProductVariantChannelListing:
    """The one writer of a packaging's price in a channel (console, price list, API, demo): whole đồng, audited."""
    amounts = {"price_amount": vnd_price_parse(price), "cost_price_amount": _amount(cost_price, "costPrice"),
               "prior_price_amount": _amount(prior_price, "priorPrice")}
    listing = ProductVariantChannelListing.objects.select_for_update().filter(
        variant=variant, channel_id=channel_id).first()
    before = {k: _str(getattr(listing, k)) for k in amounts} if listing else {}
    if listing is None:
        listing = ProductVariantChannelListing.objects.create(variant=variant, channel_id=channel_id, **amounts)
    else:
        for key, value in amounts.items():
            setattr(listing, key, value)
        listing.save(update_fields=list(amounts))
    after = {k: _str(v) for k, v in amounts.items()}
    if before != after:
        log_action(action="variant_price_set", obj=listing, actor=actor, before=before,
                   after={**after, "channel_id": channel_id, "variant_id": variant.pk})
    product_price_cache_update(product_id=variant.product_id, channel_id=channel_id)
    return listing


def _str(value: object) -> str | None:
    return None if value is None else str(value)


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


# --- Bulk writes for the registry sync (thousands of products per run, a few queries per batch) -------------

@dataclass(frozen=True)
class VariantDraft:
    name: str
    weight_grams: int | None = None


@dataclass(frozen=True)
class ProductDraft:
    name: str
    external_reference: str | None
    description: str = ""
    category_id: int | None = None
    producer_id: int | None = None
    variants: tuple[VariantDraft, ...] = ()


def _variant_sku(external_reference: str, name: str) -> str:
    # Deterministic and unique: one variant per packaging name per product.
    return f"{external_reference}-{vn_slugify(name) or 'variant'}"[:255]


def _unique_product_slugs(drafts: list[ProductDraft]) -> list[str]:
    bases = [(vn_slugify(d.name) or "san-pham")[:200] for d in drafts]
    fallbacks = [f"{base}-{vn_slugify(d.external_reference or '')}".rstrip("-")[:250]
                 for base, d in zip(bases, drafts, strict=True)]
    taken = set(Product.objects.filter(slug__in=bases + fallbacks).values_list("slug", flat=True))
    slugs = []
    for base, fallback in zip(bases, fallbacks, strict=True):
        slug, n = (base if base not in taken else fallback), 1
        while slug in taken:
            n += 1
            slug = f"{fallback}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


@transaction.atomic
def products_create_bulk(*, drafts: list[ProductDraft], product_type: ProductType) -> list[Product]:
    """Create products with their variants, a few queries in all; returns them in the drafts' order."""
    if not drafts:
        return []
    products = Product.objects.bulk_create([
        Product(
            name=d.name, slug=slug, product_type=product_type, category_id=d.category_id,
            description=editorjs_from_text(d.description), description_plaintext=d.description,
            producer_id=d.producer_id, external_reference=d.external_reference, seo_title=d.name[:70],
            seo_description=d.description[:300] or None,
        )
        for d, slug in zip(drafts, _unique_product_slugs(drafts), strict=True)
    ])
    variants = [
        ProductVariant(product=product, name=v.name[:255],
                       sku=_variant_sku(d.external_reference or product.slug, v.name),
                       weight_grams=v.weight_grams, sort_order=order)
        for product, d in zip(products, drafts, strict=True)
        for order, v in enumerate(_dedupe_variants(d.variants))
    ]
    ProductVariant.objects.bulk_create(variants)
    return products


def _dedupe_variants(variants: tuple[VariantDraft, ...]) -> list[VariantDraft]:
    seen: set[str] = set()
    result = []
    for v in variants:
        key = vn_slugify(v.name)
        if key not in seen:
            seen.add(key)
            result.append(v)
    return result


def product_details_update(*, product: Product, name: str, description: str, category_id: int | None,
                           producer_id: int | None) -> bool:
    """Set the descriptive fields; returns whether anything changed. The slug stays (links keep working)."""
    wanted = {"name": name, "description_plaintext": description, "category_id": category_id,
              "producer_id": producer_id}
    if product.description_edited_at is not None:
        del wanted["description_plaintext"]  # catalogue staff's description wins over the registry's text
    changed = {k: v for k, v in wanted.items() if getattr(product, k) != v}
    if not changed:
        return False
    if "description_plaintext" in changed:
        changed["description"] = editorjs_from_text(description)
        changed["seo_description"] = description[:300] or None
    if "name" in changed:
        changed["seo_title"] = name[:70]
    for key, value in changed.items():
        setattr(product, key, value)
    product.save(update_fields=[*changed, "updated_at"])
    return True


def product_variants_add_missing(*, product: Product, variants: tuple[VariantDraft, ...]) -> int:
    """Add variants for packagings the product lacks (existing ones keep their prices and stock)."""
    existing = {vn_slugify(name) for name in ProductVariant.objects.filter(product=product)
                .values_list("name", flat=True)}
    missing = [v for v in _dedupe_variants(variants) if vn_slugify(v.name) not in existing]
    if not missing:
        return 0
    start = len(existing)
    reference = product.external_reference or product.slug
    ProductVariant.objects.bulk_create([
        ProductVariant(product=product, name=v.name[:255], sku=_variant_sku(reference, v.name),
                       weight_grams=v.weight_grams, sort_order=start + i)
        for i, v in enumerate(missing)
    ])
    return len(missing)


@transaction.atomic
def product_channel_listings_publish(*, product_ids: list[int], channel_id: int) -> set[int]:
    """Publish the products in the channel, creating listings where missing; returns those that changed."""
    now = timezone.now()
    listings = ProductChannelListing.objects.filter(product_id__in=product_ids, channel_id=channel_id)
    have = dict(listings.values_list("product_id", "is_published"))
    to_publish = [pid for pid, published in have.items() if not published]
    if to_publish:
        ProductChannelListing.objects.filter(product_id__in=to_publish, channel_id=channel_id).update(
            is_published=True, published_at=now, visible_in_listings=True, available_for_purchase_at=now
        )
    missing = [pid for pid in dict.fromkeys(product_ids) if pid not in have]
    if missing:
        ProductChannelListing.objects.bulk_create([
            ProductChannelListing(product_id=pid, channel_id=channel_id, is_published=True, published_at=now,
                                  visible_in_listings=True, available_for_purchase_at=now)
            for pid in missing
        ])
        priced = ProductVariantChannelListing.objects.filter(
            variant__product_id__in=missing, channel_id=channel_id, price_amount__isnull=False
        )
        for row in priced.values("variant__product_id").annotate(cheapest=Min("price_amount")):
            ProductChannelListing.objects.filter(product_id=row["variant__product_id"],
                                                 channel_id=channel_id).update(
                discounted_price_amount=row["cheapest"])
    return {*to_publish, *missing}


def product_channel_listings_unpublish(*, product_ids: list[int], channel_id: int | None = None) -> set[int]:
    """Unpublish the products (in every channel unless one is given); returns those that were published."""
    qs = ProductChannelListing.objects.filter(product_id__in=product_ids, is_published=True)
    if channel_id is not None:
        qs = qs.filter(channel_id=channel_id)
    changed = set(qs.values_list("product_id", flat=True))
    if changed:
        qs.update(is_published=False)
    return changed


@transaction.atomic
def product_merge(*, product_id: int, into_id: int, take_details: bool = False) -> None:
    """Fold a duplicate product into another: its variants the other lacks move over with their prices and
    stock; with `take_details` the other takes its name, description, category and producer. Then it goes."""
    source = Product.objects.get(pk=product_id)
    target = Product.objects.get(pk=into_id)
    have = {vn_slugify(name)
            for name in ProductVariant.objects.filter(product=target).values_list("name", flat=True)}
    movable = [v.pk for v in ProductVariant.objects.filter(product=source) if vn_slugify(v.name) not in have]
    ProductVariant.objects.filter(pk__in=movable).update(product=target)
    if take_details:
        product_details_update(product=target, name=source.name, description=source.description_plaintext,
                               category_id=source.category_id, producer_id=source.producer_id)
    product_discard(product_id=product_id)
    channel_ids = ProductChannelListing.objects.filter(product=target).values_list("channel_id", flat=True)
    for channel_id in channel_ids:
        product_price_cache_update(product_id=into_id, channel_id=channel_id)


def product_discard(*, product_id: int) -> bool:
    """Delete a product that has nothing left to show (e.g. merged into another); unpublish it if something
    still refers to it. Returns whether it was deleted."""
    from django.db.models import ProtectedError

    try:
        with transaction.atomic():
            Product.objects.filter(pk=product_id).delete()
        return True
    except ProtectedError:
        product_channel_listings_unpublish(product_ids=[product_id])
        return False

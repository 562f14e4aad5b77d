"""Publication of a product per channel (published, publication date, visible in listings, available for
purchase from) and which packagings are offered there. Prices go through services.variant_price_set."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.channel.models import Channel
from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.product.error_codes import ProductErrorCode
from marketplace.product.models import Product, ProductChannelListing, ProductVariant, ProductVariantChannelListing
from marketplace.product.services import product_price_cache_update, variant_price_set

UNSET = object()


@dataclass
class ListingChange:
    """One channel's publication settings; a field left UNSET keeps its stored value (Saleor's partial input)."""

    channel_id: int
    is_published: object = UNSET
    published_at: object = UNSET
    visible_in_listings: object = UNSET
    is_available_for_purchase: object = UNSET
    available_for_purchase_at: object = UNSET
    add_variant_ids: tuple[int, ...] = ()
    remove_variant_ids: tuple[int, ...] = ()


def _fields(listing: ProductChannelListing) -> dict:
    return {"is_published": listing.is_published, "published_at": _iso(listing.published_at),
            "visible_in_listings": listing.visible_in_listings,
            "available_for_purchase_at": _iso(listing.available_for_purchase_at)}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def channel_ids_check(*, channel_ids: list[int], field: str = "channelId") -> None:
    known = set(Channel.objects.filter(pk__in=channel_ids).values_list("pk", flat=True))
    if missing := [c for c in channel_ids if c not in known]:
        raise DomainError(_("Không tìm thấy kênh bán."), code=ProductErrorCode.NOT_FOUND, field=field,
                          channels=missing)


def _apply(listing: ProductChannelListing, change: ListingChange, now: datetime) -> None:
    if change.is_published is not UNSET:
        listing.is_published = bool(change.is_published)
    if change.published_at is not UNSET:
        listing.published_at = change.published_at
    elif change.is_published is True and listing.published_at is None:
        listing.published_at = now
    if change.visible_in_listings is not UNSET:
        listing.visible_in_listings = bool(change.visible_in_listings)
    if change.is_available_for_purchase is False:
        listing.available_for_purchase_at = None
    elif change.available_for_purchase_at not in (UNSET, None):
        listing.available_for_purchase_at = change.available_for_purchase_at
    elif change.is_available_for_purchase is True and listing.available_for_purchase_at is None:
        listing.available_for_purchase_at = now


@transaction.atomic
def product_channel_listings_update(*, product: Product, changes: list[ListingChange],
                                    remove_channel_ids: list[int] = (), actor: object = None) -> None:
    """Saleor's productChannelListingUpdate: set publication per channel, add/remove packagings there, or take
    the product out of channels. Audited per channel; all or nothing."""
    channel_ids = [c.channel_id for c in changes]
    if len(set(channel_ids)) != len(channel_ids) or set(channel_ids) & set(remove_channel_ids):
        raise DomainError(_("Mỗi kênh chỉ được nêu một lần."), code=ProductErrorCode.DUPLICATED_INPUT_ITEM,
                          field="updateChannels")
    channel_ids_check(channel_ids=[*channel_ids, *remove_channel_ids])
    variant_ids = set(ProductVariant.objects.filter(product=product).values_list("pk", flat=True))
    for change in changes:
        for vid in (*change.add_variant_ids, *change.remove_variant_ids):
            if vid not in variant_ids:
                raise DomainError(_("Quy cách đóng gói không thuộc sản phẩm này."),
                                  code=ProductErrorCode.NOT_PRODUCTS_VARIANT,
                                  field="addVariants", variants=[vid])
    now = timezone.now()
    for change in changes:
        listing = (ProductChannelListing.objects.select_for_update()
                   .filter(product=product, channel_id=change.channel_id).first())
        before = _fields(listing) if listing else {}
        if listing is None:
            listing = ProductChannelListing(product=product, channel_id=change.channel_id, is_published=False,
                                            visible_in_listings=True)
        _apply(listing, change, now)
        listing.save()
        for vid in change.add_variant_ids:
            ProductVariantChannelListing.objects.get_or_create(variant_id=vid, channel_id=change.channel_id)
        if change.remove_variant_ids:
            ProductVariantChannelListing.objects.filter(variant_id__in=change.remove_variant_ids,
                                                        channel_id=change.channel_id).delete()
        product_price_cache_update(product_id=product.pk, channel_id=change.channel_id)
        if before != _fields(listing) or change.add_variant_ids or change.remove_variant_ids:
            log_action(action="product_channel_listing_update", obj=listing, actor=actor, before=before,
                       after={**_fields(listing), "channel_id": change.channel_id,
                              "added_variants": list(change.add_variant_ids),
                              "removed_variants": list(change.remove_variant_ids)})
    for channel_id in remove_channel_ids:
        listing = ProductChannelListing.objects.filter(product=product, channel_id=channel_id).first()
        ProductVariantChannelListing.objects.filter(variant__product=product, channel_id=channel_id).delete()
        if listing is not None:
            log_action(action="product_channel_listing_remove", obj=listing, actor=actor, before=_fields(listing),
                       after={"channel_id": channel_id, "removed": True})
            listing.delete()


def variant_channel_check(*, variant: ProductVariant, channel_ids: list[int]) -> None:
    """A packaging can be priced only in channels its product is listed in (Saleor's rule)."""
    channel_ids_check(channel_ids=channel_ids)
    listed = set(ProductChannelListing.objects.filter(product_id=variant.product_id, channel_id__in=channel_ids)
                 .values_list("channel_id", flat=True))
    if missing := [c for c in channel_ids if c not in listed]:
        raise DomainError(_("Sản phẩm chưa được đưa vào kênh bán này."),
                          code=ProductErrorCode.PRODUCT_NOT_ASSIGNED_TO_CHANNEL, field="channelId",
                          channels=missing)


@transaction.atomic
def product_channel_offer_set(*, product: Product, change: ListingChange, prices: dict[int, object],
                              actor: object = None) -> None:
    """The console's save of one channel: publication settings and the packagings' prices, all or nothing
    (a blank price leaves that packaging as it is)."""
    variants = {v.pk: v for v in ProductVariant.objects.filter(product=product, pk__in=list(prices))}
    product_channel_listings_update(product=product, changes=[change], actor=actor)
    for variant_id, price in prices.items():
        if price in (None, "") or variant_id not in variants:
            continue
        variant_price_set(variant=variants[variant_id], channel_id=change.channel_id, price=price,
                          cost_price=_kept(variant_id, change.channel_id, "cost_price_amount"),
                          prior_price=_kept(variant_id, change.channel_id, "prior_price_amount"), actor=actor)


def _kept(variant_id: int, channel_id: int, field: str):
    return ProductVariantChannelListing.objects.filter(variant_id=variant_id, channel_id=channel_id).values_list(
        field, flat=True).first()

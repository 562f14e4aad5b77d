"""May this variant be bought in this channel now, and at what price? One answer for line adds, for the
checkout's `problems`, and again at completion (the certificate may lapse while the shopper pays)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.certification.selectors import listable_product_ids
from marketplace.checkout.error_codes import CheckoutErrorCode
from marketplace.discount.selectors import VariantPrice, variant_prices_get
from marketplace.product.batch_selectors import channel_listing_by_product_ids
from marketplace.product.models import ProductVariant


@dataclass(frozen=True)
class VariantPurchase:
    variant: ProductVariant
    price: VariantPrice | None
    code: CheckoutErrorCode | None = None  # None: it can be bought
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.code is None


def variants_purchase_info(*, variant_ids: list[int], channel_id: int, at: datetime | None = None
                           ) -> dict[int, VariantPurchase]:
    """variant id -> what a shopper may do with it (variants that do not exist are absent)."""
    at = at or timezone.now()
    variants = {v.pk: v for v in ProductVariant.objects.filter(pk__in=variant_ids)
                .select_related("product__product_type")}
    product_ids = list({v.product_id for v in variants.values()})
    listings = channel_listing_by_product_ids(product_ids, channel_id)
    listable = listable_product_ids(product_ids=product_ids, at=at)
    prices = variant_prices_get(variant_ids=list(variants), channel_id=channel_id, at=at)
    result = {}
    for pk, variant in variants.items():
        listing = listings.get(variant.product_id)
        price = prices.get(pk)
        code, message = None, ""
        if listing is None or price is None:
            code, message = (CheckoutErrorCode.UNAVAILABLE_VARIANT_IN_CHANNEL,
                             _("Sản phẩm không được bán trong kênh này."))
        elif not listing.is_published:
            code, message = CheckoutErrorCode.PRODUCT_NOT_PUBLISHED, _("Sản phẩm chưa được đăng bán.")
        elif variant.product_id not in listable:
            code, message = (CheckoutErrorCode.PRODUCT_UNAVAILABLE_FOR_PURCHASE,
                             _("Chứng nhận OCOP của sản phẩm không còn hiệu lực nên sản phẩm tạm ngừng bán."))
        elif listing.available_for_purchase_at is None or listing.available_for_purchase_at > at:
            code, message = CheckoutErrorCode.PRODUCT_UNAVAILABLE_FOR_PURCHASE, _("Sản phẩm chưa mở bán.")
        result[pk] = VariantPurchase(variant=variant, price=price, code=code, message=message)
    return result

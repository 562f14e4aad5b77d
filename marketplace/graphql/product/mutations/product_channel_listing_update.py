"""productChannelListingUpdate: publish/unpublish a product per channel, its publication and availability dates,
which packagings are offered there, or remove it from channels (MANAGE_PRODUCTS)."""

from __future__ import annotations

from datetime import date, datetime, time

import graphene
from django.utils import timezone

from marketplace.core.errors import DomainError
from marketplace.core.permissions import ProductPermissions
from marketplace.graphql.core.ids import pk_from_global_id, pks_from_global_ids
from marketplace.graphql.core.mutations import BaseMutation
from marketplace.graphql.product.context import with_channel
from marketplace.graphql.product.errors import ProductChannelListingError
from marketplace.graphql.product.mutation_inputs import ProductChannelListingUpdateInput
from marketplace.graphql.product.types import Product
from marketplace.product.listings import UNSET, ListingChange, product_channel_listings_update
from marketplace.product.selectors import product_get_for_staff


def _day_start(value: date | None) -> datetime | None:
    return timezone.make_aware(datetime.combine(value, time.min)) if value else None


def _change(data: dict) -> ListingChange:
    def given(key: str, fallback_key: str | None = None, convert=None):
        if data.get(key) is not None:
            return data[key]
        if fallback_key and data.get(fallback_key) is not None:
            return convert(data[fallback_key])
        return data.get(key, UNSET)

    return ListingChange(
        channel_id=pk_from_global_id(data["channel_id"], "Channel", field="channelId"),
        is_published=UNSET if data.get("is_published") is None else data["is_published"],
        published_at=given("published_at", "publication_date", _day_start),
        visible_in_listings=UNSET if data.get("visible_in_listings") is None else data["visible_in_listings"],
        is_available_for_purchase=UNSET if data.get("is_available_for_purchase") is None
        else data["is_available_for_purchase"],
        available_for_purchase_at=given("available_for_purchase_at", "available_for_purchase_date", _day_start),
        add_variant_ids=tuple(pks_from_global_ids(data.get("add_variants") or [], "ProductVariant",
                                                  field="addVariants")),
        remove_variant_ids=tuple(pks_from_global_ids(data.get("remove_variants") or [], "ProductVariant",
                                                     field="removeVariants")),
    )


class ProductChannelListingUpdate(BaseMutation):
    product = graphene.Field(Product)

    class Arguments:
        id = graphene.ID(required=True)
        input = ProductChannelListingUpdateInput(required=True)

    class Meta:
        error_type_class = ProductChannelListingError
        error_type_field = "product_channel_listing_errors"
        permissions = (ProductPermissions.MANAGE_PRODUCTS,)

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        product = product_get_for_staff(product_id=pk_from_global_id(id, "Product"))
        if product is None:
            raise DomainError("Product not found.", code="NOT_FOUND", field="id")
        changes = [_change(item) for item in input.get("update_channels") or []]
        removed = pks_from_global_ids(input.get("remove_channels") or [], "Channel", field="removeChannels")
        product_channel_listings_update(product=product, changes=changes, remove_channel_ids=removed,
                                        actor=info.context.user)
        return {"product": with_channel([product], None)[0]}

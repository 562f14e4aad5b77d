"""productVariantChannelListingUpdate: set a packaging's price per channel (MANAGE_PRODUCTS); whole đồng only,
and only in channels its product is listed in. All channels or none."""

from __future__ import annotations

import graphene
from django.db import transaction

from marketplace.core.errors import DomainError
from marketplace.core.permissions import ProductPermissions
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.core.mutations import BaseMutation
from marketplace.graphql.product.context import with_channel
from marketplace.graphql.product.errors import ProductChannelListingError
from marketplace.graphql.product.mutation_inputs import ProductVariantChannelListingAddInput
from marketplace.graphql.product.types import ProductVariant
from marketplace.product.error_codes import ProductErrorCode
from marketplace.product.listings import variant_channel_check
from marketplace.product.selectors import variant_get_for_staff
from marketplace.product.services import variant_price_set


class ProductVariantChannelListingUpdate(BaseMutation):
    variant = graphene.Field(ProductVariant)

    class Arguments:
        id = graphene.ID()
        input = graphene.List(graphene.NonNull(ProductVariantChannelListingAddInput), required=True)
        sku = graphene.String()

    class Meta:
        error_type_class = ProductChannelListingError
        error_type_field = "product_channel_listing_errors"
        permissions = (ProductPermissions.MANAGE_PRODUCTS,)

    @classmethod
    def perform_mutation(cls, root, info, input, id=None, sku=None):
        if (id is None) == (sku is None):
            raise DomainError("Provide exactly one of `id` or `sku`.", code=ProductErrorCode.REQUIRED, field="id")
        pk = pk_from_global_id(id, "ProductVariant") if id is not None else None
        variant = variant_get_for_staff(variant_id=pk, sku=sku)
        if variant is None:
            raise DomainError("Product variant not found.", code=ProductErrorCode.NOT_FOUND,
                              field="id" if id is not None else "sku")
        channel_ids = [pk_from_global_id(item["channel_id"], "Channel", field="channelId") for item in input]
        if len(set(channel_ids)) != len(channel_ids):
            raise DomainError("Each channel may be given once.", code=ProductErrorCode.DUPLICATED_INPUT_ITEM,
                              field="channelId")
        variant_channel_check(variant=variant, channel_ids=channel_ids)
        with transaction.atomic():
            for channel_id, item in zip(channel_ids, input, strict=True):
                variant_price_set(variant=variant, channel_id=channel_id, price=item["price"],
                                  cost_price=item.get("cost_price"), prior_price=item.get("prior_price"),
                                  actor=info.context.user)
        return {"variant": with_channel([variant], None)[0]}

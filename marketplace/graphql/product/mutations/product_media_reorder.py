"""productMediaReorder: put a product's photos in order; the first is the product's thumbnail (MANAGE_PRODUCTS)."""

from __future__ import annotations

import graphene

from marketplace.core.errors import DomainError
from marketplace.core.permissions import ProductPermissions
from marketplace.graphql.core.ids import pk_from_global_id, pks_from_global_ids
from marketplace.graphql.core.mutations import BaseMutation
from marketplace.graphql.product.catalog_types import ProductMedia
from marketplace.graphql.product.context import with_channel
from marketplace.graphql.product.errors import ProductError
from marketplace.graphql.product.types import Product
from marketplace.product.error_codes import ProductErrorCode
from marketplace.product.media import product_media_reorder
from marketplace.product.selectors import product_get_for_staff


class ProductMediaReorder(BaseMutation):
    product = graphene.Field(Product)
    media = graphene.List(graphene.NonNull(ProductMedia))

    class Arguments:
        media_ids = graphene.List(graphene.NonNull(graphene.ID), required=True)
        product_id = graphene.ID(required=True)

    class Meta:
        error_type_class = ProductError
        error_type_field = "product_errors"
        permissions = (ProductPermissions.MANAGE_PRODUCTS,)

    @classmethod
    def perform_mutation(cls, root, info, media_ids, product_id):
        product = product_get_for_staff(product_id=pk_from_global_id(product_id, "Product", field="productId"))
        if product is None:
            raise DomainError("Product not found.", code=ProductErrorCode.NOT_FOUND, field="productId")
        media = product_media_reorder(product=product,
                                      media_ids=pks_from_global_ids(media_ids, "ProductMedia", field="mediaIds"),
                                      actor=info.context.user)
        return {"product": with_channel([product], None)[0], "media": media}

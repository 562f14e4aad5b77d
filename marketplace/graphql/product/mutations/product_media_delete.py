"""productMediaDelete: delete a product photo and its file (MANAGE_PRODUCTS)."""

from __future__ import annotations

import graphene

from marketplace.core.permissions import ProductPermissions
from marketplace.graphql.core.mutations import BaseMutation
from marketplace.graphql.product.catalog_types import ProductMedia
from marketplace.graphql.product.context import with_channel
from marketplace.graphql.product.errors import ProductError
from marketplace.graphql.product.mutations.product_media_update import media_or_error
from marketplace.graphql.product.types import Product
from marketplace.product.media import product_media_delete
from marketplace.product.selectors import product_get_for_staff


class ProductMediaDelete(BaseMutation):
    product = graphene.Field(Product)
    media = graphene.Field(ProductMedia)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        error_type_class = ProductError
        error_type_field = "product_errors"
        permissions = (ProductPermissions.MANAGE_PRODUCTS,)

    @classmethod
    def perform_mutation(cls, root, info, id):
        media = media_or_error(id)
        pk, product_id = media.pk, media.product_id
        product_media_delete(media=media, actor=info.context.user)
        media.pk = pk  # Saleor returns the deleted media with its former id
        product = product_get_for_staff(product_id=product_id)
        return {"product": with_channel([product], None)[0], "media": media}

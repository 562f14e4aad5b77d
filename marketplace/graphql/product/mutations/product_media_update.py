"""productMediaUpdate: change a photo's alt text (MANAGE_PRODUCTS)."""

from __future__ import annotations

import graphene

from marketplace.core.errors import DomainError
from marketplace.core.permissions import ProductPermissions
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.core.mutations import BaseMutation
from marketplace.graphql.product.catalog_types import ProductMedia
from marketplace.graphql.product.context import with_channel
from marketplace.graphql.product.errors import ProductError
from marketplace.graphql.product.mutation_inputs import ProductMediaUpdateInput
from marketplace.graphql.product.types import Product
from marketplace.product.error_codes import ProductErrorCode
from marketplace.product.media import product_media_alt_set
from marketplace.product.selectors import product_get_for_staff, product_media_get


def media_or_error(global_id: str, field: str = "id"):
    media = product_media_get(media_id=pk_from_global_id(global_id, "ProductMedia", field=field))
    if media is None:
        raise DomainError("Product media not found.", code=ProductErrorCode.NOT_FOUND, field=field)
    return media


class ProductMediaUpdate(BaseMutation):
    product = graphene.Field(Product)
    media = graphene.Field(ProductMedia)

    class Arguments:
        id = graphene.ID(required=True)
        input = ProductMediaUpdateInput(required=True)

    class Meta:
        error_type_class = ProductError
        error_type_field = "product_errors"
        permissions = (ProductPermissions.MANAGE_PRODUCTS,)

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        media = media_or_error(id)
        if input.get("alt") is not None:
            product_media_alt_set(media=media, alt=input["alt"], actor=info.context.user)
        product = product_get_for_staff(product_id=media.product_id)
        return {"product": with_channel([product], None)[0], "media": media}

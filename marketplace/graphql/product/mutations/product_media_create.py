"""productMediaCreate: upload a product photo (multipart request, `image: Upload`) or add a video URL
(MANAGE_PRODUCTS). Wrong types and oversize files are refused with a code; nothing is stored then."""

from __future__ import annotations

import graphene

from marketplace.core.errors import DomainError
from marketplace.core.permissions import ProductPermissions
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.core.mutations import BaseMutation
from marketplace.graphql.product.catalog_types import ProductMedia
from marketplace.graphql.product.context import with_channel
from marketplace.graphql.product.errors import ProductError
from marketplace.graphql.product.mutation_inputs import ProductMediaCreateInput
from marketplace.graphql.product.types import Product
from marketplace.product.error_codes import ProductErrorCode
from marketplace.product.media import media_max_bytes, product_media_upload
from marketplace.product.selectors import product_get_for_staff


class ProductMediaCreate(BaseMutation):
    product = graphene.Field(Product)
    media = graphene.Field(ProductMedia)

    class Arguments:
        input = ProductMediaCreateInput(required=True)

    class Meta:
        error_type_class = ProductError
        error_type_field = "product_errors"
        permissions = (ProductPermissions.MANAGE_PRODUCTS,)

    @classmethod
    def perform_mutation(cls, root, info, input):
        product = product_get_for_staff(product_id=pk_from_global_id(input["product"], "Product",
                                                                      field="product"))
        if product is None:
            raise DomainError("Product not found.", code=ProductErrorCode.NOT_FOUND, field="product")
        image = input.get("image")
        if input.get("media_url"):
            # OCOP Market keeps photos in its own storage; oEmbed providers are not fetched from here.
            raise DomainError("Media URLs are not supported; upload the image.",
                              code=ProductErrorCode.UNSUPPORTED_MEDIA_PROVIDER, field="mediaUrl")
        if image is None:
            raise DomainError("Image or external URL is required.", code=ProductErrorCode.REQUIRED, field="input")
        if image.size > media_max_bytes():
            raise DomainError(f"File too large (limit {media_max_bytes() // (1024 * 1024)} MB).",
                              code=ProductErrorCode.FILE_SIZE_LIMIT_EXCEEDED, field="image")
        media = product_media_upload(product=product, data=image.read(), filename=image.name or "",
                                     content_type=getattr(image, "content_type", None), alt=input.get("alt") or "",
                                     actor=info.context.user)
        return {"product": with_channel([product], None)[0], "media": media}

"""productVariantStocksUpdate: set a variant's quantity in several warehouses, all or nothing. Each change is a
count correction in the ledger (ADJUST), refused outside the actor's points."""

from __future__ import annotations

import graphene

from marketplace.core.errors import DomainError
from marketplace.core.permissions import OcopPermissions
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.core.mutations import BaseMutation
from marketplace.graphql.product.context import with_channel
from marketplace.graphql.product.types import ProductVariant
from marketplace.graphql.warehouse.errors import SCOPE_CODES, BulkStockError, saleor_error, scope_denied
from marketplace.graphql.warehouse.inputs import StockInput
from marketplace.salespoint.selectors import variant_find
from marketplace.salespoint.services import stock_quantities_set


class ProductVariantStocksUpdate(BaseMutation):
    product_variant = graphene.Field(ProductVariant)

    class Arguments:
        sku = graphene.String()
        stocks = graphene.List(graphene.NonNull(StockInput), required=True)
        variant_id = graphene.ID()

    class Meta:
        error_type_class = BulkStockError
        error_type_field = "bulk_stock_errors"
        permissions = (OcopPermissions.OPERATE_SALES_POINTS,)

    @classmethod
    def perform_mutation(cls, root, info, stocks, sku=None, variant_id=None):
        if variant_id is None and sku is None:
            raise DomainError("Provide `variantId` or `sku`.", code="REQUIRED", field="variantId")
        pk = pk_from_global_id(variant_id, "ProductVariant", field="variantId") if variant_id else None
        variant = variant_find(pk=pk, sku=None if pk else sku)
        if variant is None:
            raise DomainError("Product variant not found.", code="NOT_FOUND",
                              field="variantId" if variant_id else "sku")
        items = [(pk_from_global_id(s.warehouse, "Warehouse", field="warehouse"), variant.pk, s.quantity)
                 for s in stocks]
        try:
            stock_quantities_set(actor=info.context.user, items=items, reason="productVariantStocksUpdate")
        except DomainError as exc:
            if exc.code in SCOPE_CODES:
                raise scope_denied(exc)
            raise saleor_error(exc)
        return {"product_variant": with_channel([variant], None)[0]}

"""stockReceive, stockAdjust, stockThresholdSet: one service call each."""

from __future__ import annotations

import graphene

from marketplace.core.errors import DomainError
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.salespoint.ids import variant_pk, warehouse_pk
from marketplace.graphql.salespoint.inputs import StockAdjustInput, StockReceiveInput
from marketplace.graphql.salespoint.mutations.base import SalesPointMutation
from marketplace.graphql.salespoint.types import StockMovement
from marketplace.graphql.warehouse.types import Stock
from marketplace.salespoint import selectors, services


def _received_variant_id(data, warehouse_id: int) -> int:
    if data.get("variant"):
        return variant_pk(data["variant"], field="variant")
    code = data.get("barcode") or data.get("sku")
    if not code:
        raise DomainError("Provide `variant`, `sku` or `barcode`.", code="REQUIRED", field="variant")
    variant = selectors.variant_find(sku=code) if data.get("sku") else selectors.variant_by_barcode(barcode=code)
    if variant is None:
        raise DomainError(f"No product matches “{code}”.", code="BARCODE_NOT_FOUND", field="barcode")
    return variant.pk


class StockReceive(SalesPointMutation):
    """Receive goods from a producer at a point (OCOP). Only products passing the listing rule are accepted."""

    stock = graphene.Field(Stock)
    movement = graphene.Field(StockMovement)

    class Arguments:
        input = StockReceiveInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, input):
        warehouse_id = warehouse_pk(input["warehouse"], field="warehouse")
        movement = services.stock_receive(
            actor=info.context.user, warehouse_id=warehouse_id,
            variant_id=_received_variant_id(input, warehouse_id), quantity=input["quantity"],
            delivery_note=input["delivery_note"], supplier=input.get("supplier") or "",
            note=input.get("note") or "")
        return {"stock": selectors.stock_line_get(stock_id=movement.stock_id), "movement": movement}


class StockAdjust(SalesPointMutation):
    """Correct a stock line to the counted quantity, with a reason (OCOP)."""

    stock = graphene.Field(Stock)
    movement = graphene.Field(StockMovement, description="Null when the count matched the stock.")

    class Arguments:
        input = StockAdjustInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, input):
        warehouse_id = warehouse_pk(input["warehouse"], field="warehouse")
        variant_id = variant_pk(input["variant"], field="variant")
        movement = services.stock_adjust(
            actor=info.context.user, warehouse_id=warehouse_id, variant_id=variant_id,
            counted_quantity=input["counted_quantity"], reason=input["reason"])
        return {"stock": selectors.stock_for(warehouse_id=warehouse_id, variant_id=variant_id),
                "movement": movement}


class StockThresholdSet(SalesPointMutation):
    """Set a stock line's low-stock threshold; null goes back to the point's default (OCOP)."""

    stock = graphene.Field(Stock)

    class Arguments:
        stock = graphene.ID(required=True)
        threshold = graphene.Int()

    @classmethod
    def perform_mutation(cls, root, info, stock, threshold=None):
        stock_id = pk_from_global_id(stock, "Stock", field="stock")
        services.stock_threshold_set(actor=info.context.user, stock_id=stock_id, threshold=threshold)
        return {"stock": selectors.stock_line_get(stock_id=stock_id)}

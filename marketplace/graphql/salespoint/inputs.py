from __future__ import annotations

import graphene

from marketplace.graphql.salespoint import enums


class SalesPointFilterInput(graphene.InputObjectType):
    search = graphene.String()
    province = graphene.String(description="A province code or name (old names map to the current province).")
    kind = graphene.List(graphene.NonNull(enums.SalesPointKindEnum))
    mine = graphene.Boolean(description="Only the points the viewer operates.")


class StockReceiveInput(graphene.InputObjectType):
    warehouse = graphene.ID(required=True, description="Warehouse or SalesPoint ID.")
    variant = graphene.ID(description="ProductVariant ID (or give `sku` or `barcode`).")
    sku = graphene.String()
    barcode = graphene.String()
    quantity = graphene.Int(required=True)
    delivery_note = graphene.String(required=True, description="The producer's delivery note number.")
    supplier = graphene.String()
    note = graphene.String()


class StockAdjustInput(graphene.InputObjectType):
    warehouse = graphene.ID(required=True, description="Warehouse or SalesPoint ID.")
    variant = graphene.ID(required=True)
    counted_quantity = graphene.Int(required=True, description="Units counted on the shelf.")
    reason = graphene.String(required=True)


class StockTransferLineInput(graphene.InputObjectType):
    variant = graphene.ID(required=True)
    quantity = graphene.Int(required=True)


class StockTransferCreateInput(graphene.InputObjectType):
    source = graphene.ID(required=True, description="Warehouse or SalesPoint ID.")
    destination = graphene.ID(required=True, description="Warehouse or SalesPoint ID.")
    lines = graphene.List(graphene.NonNull(StockTransferLineInput), required=True)
    note = graphene.String()
    ship = graphene.Boolean(description="Ship at once (the units leave the source now).")
    client_token = graphene.String(description="Idempotency key: the same token returns the same transfer.")


class CounterSaleLineInput(graphene.InputObjectType):
    variant = graphene.ID(description="ProductVariant ID, or give `barcode` (a scanned code or SKU).")
    barcode = graphene.String()
    quantity = graphene.Int(required=True)


class CounterSaleCreateInput(graphene.InputObjectType):
    warehouse = graphene.ID(required=True, description="Warehouse or SalesPoint ID.")
    lines = graphene.List(graphene.NonNull(CounterSaleLineInput), required=True)
    payment_method = graphene.Field(enums.CounterSalePaymentMethodEnum, required=True)
    amount_tendered = graphene.Int(description="Cash handed over, in đồng (change is computed).")
    terminal_reference = graphene.String(description="Approval code printed by the card terminal.")
    client_token = graphene.String(description="Idempotency key: the same token returns the same sale.")

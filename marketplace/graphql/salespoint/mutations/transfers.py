"""stockTransferCreate / Ship / Receive / Cancel (OCOP): one service call each (create may also ship)."""

from __future__ import annotations

import graphene

from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.salespoint.ids import variant_pk, warehouse_pk
from marketplace.graphql.salespoint.inputs import StockTransferCreateInput, StockTransferLineInput
from marketplace.graphql.salespoint.mutations.base import SalesPointMutation
from marketplace.graphql.salespoint.types import StockTransfer
from marketplace.salespoint import services


def _lines(lines) -> list[tuple[int, int]]:
    return [(variant_pk(line["variant"], field="lines"), line["quantity"]) for line in lines]


class StockTransferCreate(SalesPointMutation):
    stock_transfer = graphene.Field(StockTransfer)

    class Arguments:
        input = StockTransferCreateInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, input):
        user = info.context.user
        transfer = services.stock_transfer_create(
            actor=user, source_id=warehouse_pk(input["source"], field="source"),
            destination_id=warehouse_pk(input["destination"], field="destination"), lines=_lines(input["lines"]),
            note=input.get("note") or "", client_token=input.get("client_token"), ship=bool(input.get("ship")))
        return {"stock_transfer": transfer}


class StockTransferShip(SalesPointMutation):
    stock_transfer = graphene.Field(StockTransfer)

    class Arguments:
        id = graphene.ID(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id):
        transfer_id = pk_from_global_id(id, "StockTransfer")
        return {"stock_transfer": services.stock_transfer_ship(actor=info.context.user, transfer_id=transfer_id)}


class StockTransferReceive(SalesPointMutation):
    stock_transfer = graphene.Field(StockTransfer)

    class Arguments:
        id = graphene.ID(required=True)
        lines = graphene.List(graphene.NonNull(StockTransferLineInput),
                              description="Units that arrived per variant; omit to receive everything shipped.")
        note = graphene.String()

    @classmethod
    def perform_mutation(cls, root, info, id, lines=None, note=None):
        transfer_id = pk_from_global_id(id, "StockTransfer")
        received = dict(_lines(lines)) if lines else None
        return {"stock_transfer": services.stock_transfer_receive(
            actor=info.context.user, transfer_id=transfer_id, received=received, note=note or "")}


class StockTransferCancel(SalesPointMutation):
    stock_transfer = graphene.Field(StockTransfer)

    class Arguments:
        id = graphene.ID(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id):
        transfer_id = pk_from_global_id(id, "StockTransfer")
        return {"stock_transfer": services.stock_transfer_cancel(actor=info.context.user, transfer_id=transfer_id)}

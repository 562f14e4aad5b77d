"""counterSaleCreate / counterSaleVoid (OCOP)."""

from __future__ import annotations

import graphene

from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.salespoint.ids import variant_pk, warehouse_pk
from marketplace.graphql.salespoint.inputs import CounterSaleCreateInput
from marketplace.graphql.salespoint.mutations.base import SalesPointMutation
from marketplace.graphql.salespoint.types import CounterSale
from marketplace.salespoint import selectors, services


class CounterSaleCreate(SalesPointMutation):
    counter_sale = graphene.Field(CounterSale)

    class Arguments:
        input = CounterSaleCreateInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, input):
        warehouse_id = warehouse_pk(input["warehouse"], field="warehouse")
        services.salespoint_check_operator(user=info.context.user, warehouse_id=warehouse_id)
        lines = []
        for line in input["lines"]:
            if line.get("variant"):
                variant_id = variant_pk(line["variant"], field="lines")
            else:
                variant_id = selectors.counter_scan(warehouse_id=warehouse_id,
                                                    code=line.get("barcode") or "").product_variant_id
            lines.append((variant_id, line["quantity"]))
        method = input["payment_method"]
        sale = services.counter_sale_create(
            actor=info.context.user, warehouse_id=warehouse_id, lines=lines,
            payment_method=getattr(method, "value", method), amount_tendered=input.get("amount_tendered"),
            terminal_reference=input.get("terminal_reference") or "", client_token=input.get("client_token"))
        return {"counter_sale": sale}


class CounterSaleVoid(SalesPointMutation):
    counter_sale = graphene.Field(CounterSale)

    class Arguments:
        id = graphene.ID(required=True)
        reason = graphene.String(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id, reason):
        sale_id = pk_from_global_id(id, "CounterSale")
        return {"counter_sale": services.counter_sale_void(actor=info.context.user, sale_id=sale_id, reason=reason)}

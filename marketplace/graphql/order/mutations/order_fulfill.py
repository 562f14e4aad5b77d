"""orderFulfill, fulfillmentUpdateTracking and the OCOP fulfillmentMarkDelivered (staff with MANAGE_ORDERS)."""

from __future__ import annotations

import graphene
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.permissions import OrderPermissions
from marketplace.graphql.checkout.mutations.base import CheckoutMutation
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.core.uuid_ids import uuid_from_global_id
from marketplace.graphql.order.enums import OrderError
from marketplace.graphql.order.fulfillment_types import Fulfillment
from marketplace.graphql.order.mutations.order_actions import order_from_id
from marketplace.graphql.order.types import Order
from marketplace.order.error_codes import OrderErrorCode
from marketplace.order.fulfilment import (
    FulfilLine,
    FulfilStock,
    fulfillment_mark_delivered,
    fulfillment_tracking_update,
    order_fulfil_lines,
)
from marketplace.order.selectors import order_get
from marketplace.order.staff_selectors import fulfillment_get


class OrderFulfillStockInput(graphene.InputObjectType):
    quantity = graphene.Int(required=True)
    warehouse = graphene.ID(required=True)


class OrderFulfillLineInput(graphene.InputObjectType):
    order_line_id = graphene.ID()
    stocks = graphene.List(graphene.NonNull(OrderFulfillStockInput), required=True)


class OrderFulfillInput(graphene.InputObjectType):
    lines = graphene.List(graphene.NonNull(OrderFulfillLineInput), required=True)
    notify_customer = graphene.Boolean()
    allow_stock_to_be_exceeded = graphene.Boolean(default_value=False)
    tracking_number = graphene.String()
    carrier = graphene.String(description="The courier carrying the parcel (OCOP Market).")


class FulfillmentUpdateTrackingInput(graphene.InputObjectType):
    tracking_number = graphene.String()
    notify_customer = graphene.Boolean(default_value=False)
    carrier = graphene.String(description="The courier carrying the parcel (OCOP Market).")


def _fulfillment_from_id(id: str):
    fulfillment = fulfillment_get(fulfillment_id=pk_from_global_id(id, "Fulfillment"))
    if fulfillment is None:
        raise DomainError(_("Không tìm thấy lần giao hàng."), code=OrderErrorCode.NOT_FOUND, field="id")
    return fulfillment


class OrderMutationBase(CheckoutMutation):
    class Meta:
        abstract = True

    @classmethod
    def error_extra(cls, error: DomainError) -> dict:
        extra = {}
        if "order_lines" in error.params:
            from graphene.relay import Node

            extra["order_lines"] = [Node.to_global_id("OrderLine", pk) for pk in error.params["order_lines"]]
        if error.params.get("warehouse"):
            from graphene.relay import Node

            extra["warehouse"] = Node.to_global_id("Warehouse", error.params["warehouse"])
        return extra


class OrderFulfill(OrderMutationBase):
    fulfillments = graphene.List(graphene.NonNull(Fulfillment))
    order = graphene.Field(Order)

    class Arguments:
        input = OrderFulfillInput(required=True)
        order = graphene.ID()

    class Meta:
        error_type_class = OrderError
        error_type_field = "order_errors"
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, root, info, input, order=None):
        if not order:
            raise DomainError(_("Thiếu đơn hàng."), code=OrderErrorCode.REQUIRED, field="order")
        target = order_from_id(order)
        lines = [FulfilLine(order_line_id=uuid_from_global_id(line.order_line_id or "", "OrderLine",
                                                              field="orderLineId"),
                            stocks=[FulfilStock(warehouse_id=pk_from_global_id(s.warehouse, "Warehouse"),
                                                quantity=s.quantity) for s in line.stocks])
                 for line in input.lines]
        updated, fulfillments = order_fulfil_lines(
            order=target, lines=lines, tracking_number=input.get("tracking_number") or "",
            carrier=input.get("carrier") or "", notify_customer=input.get("notify_customer") is not False,
            actor=info.context.user)
        return {"order": order_get(order_id=updated.pk), "fulfillments": fulfillments}


class FulfillmentUpdateTracking(OrderMutationBase):
    fulfillment = graphene.Field(Fulfillment)
    order = graphene.Field(Order)

    class Arguments:
        id = graphene.ID(required=True)
        input = FulfillmentUpdateTrackingInput(required=True)

    class Meta:
        error_type_class = OrderError
        error_type_field = "order_errors"
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        fulfillment = fulfillment_tracking_update(
            fulfillment=_fulfillment_from_id(id), tracking_number=input.get("tracking_number") or "",
            carrier=input.get("carrier"), notify_customer=bool(input.get("notify_customer")),
            actor=info.context.user)
        return {"fulfillment": fulfillment, "order": order_get(order_id=fulfillment.order_id)}


class FulfillmentMarkDelivered(OrderMutationBase):
    """OCOP Market: the courier handed the parcel to the customer; the customer is e-mailed."""

    fulfillment = graphene.Field(Fulfillment)
    order = graphene.Field(Order)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        error_type_class = OrderError
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, root, info, id):
        fulfillment = fulfillment_mark_delivered(fulfillment=_fulfillment_from_id(id), actor=info.context.user)
        return {"fulfillment": fulfillment, "order": order_get(order_id=fulfillment.order_id)}

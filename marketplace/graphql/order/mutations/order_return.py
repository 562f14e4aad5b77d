"""Saleor's orderFulfillmentReturnProducts: goods back into stock (at the OCOP `warehouse` chosen, else where
they were shipped from), optionally refunded at the price paid."""

from __future__ import annotations

import graphene
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.permissions import OrderPermissions
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.core.scalars import PositiveDecimal
from marketplace.graphql.core.uuid_ids import uuid_from_global_id
from marketplace.graphql.order.enums import OrderError
from marketplace.graphql.order.fulfillment_types import Fulfillment
from marketplace.graphql.order.mutations.order_actions import order_from_id
from marketplace.graphql.order.mutations.order_fulfill import OrderMutationBase
from marketplace.graphql.order.types import Order
from marketplace.order.error_codes import OrderErrorCode
from marketplace.order.models import FulfillmentStatus
from marketplace.order.returns import ReturnLine
from marketplace.order.selectors import order_get
from marketplace.order.staff_selectors import order_fulfillments
from marketplace.payment.staff_orders import order_return_and_refund


class OrderReturnLineInput(graphene.InputObjectType):
    order_line_id = graphene.ID(required=True)
    quantity = graphene.Int(required=True)
    replace = graphene.Boolean(default_value=False)
    reason = graphene.String()


class OrderReturnProductsInput(graphene.InputObjectType):
    order_lines = graphene.List(graphene.NonNull(OrderReturnLineInput))
    amount_to_refund = PositiveDecimal()
    include_shipping_costs = graphene.Boolean(default_value=False)
    refund = graphene.Boolean(default_value=False)
    reason = graphene.String()
    warehouse = graphene.ID(description="Where the goods go back into stock (OCOP Market); default: where they "
                                        "were shipped from.")


class FulfillmentReturnProducts(OrderMutationBase):
    return_fulfillment = graphene.Field(Fulfillment)
    replace_fulfillment = graphene.Field(Fulfillment)
    order = graphene.Field(Order)
    replace_order = graphene.Field(Order)

    class Arguments:
        input = OrderReturnProductsInput(required=True)
        order = graphene.ID(required=True)

    class Meta:
        error_type_class = OrderError
        error_type_field = "order_errors"
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, root, info, input, order):
        target = order_from_id(order)
        if any(line.get("replace") for line in input.get("order_lines") or []):
            raise DomainError(_("Chưa hỗ trợ đổi hàng."), code=OrderErrorCode.INVALID, field="replace")
        lines = [ReturnLine(order_line_id=uuid_from_global_id(line.order_line_id, "OrderLine", field="orderLineId"),
                            quantity=line.quantity) for line in input.get("order_lines") or []]
        if input.get("warehouse"):
            warehouse_id = pk_from_global_id(input.warehouse, "Warehouse", field="warehouse")
        else:
            shipped = [f for f in order_fulfillments(order_id=target.pk)
                       if f.status == FulfillmentStatus.FULFILLED and f.warehouse_id]
            if not shipped:
                raise DomainError(_("Chọn kho nhận hàng trả."), code=OrderErrorCode.REQUIRED, field="warehouse")
            warehouse_id = shipped[0].warehouse_id
        result = order_return_and_refund(order=target, lines=lines, warehouse_id=warehouse_id,
                                         refund=bool(input.get("refund")), actor=info.context.user)
        return {"order": order_get(order_id=result.order.pk), "return_fulfillment": result.fulfillment}

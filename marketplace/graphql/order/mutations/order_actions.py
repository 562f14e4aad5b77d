"""orderMarkAsPaid and orderCancel (staff with MANAGE_ORDERS). Cancelling a paid order refunds it; the shopper is
e-mailed."""

from __future__ import annotations

import graphene
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.permissions import OrderPermissions
from marketplace.graphql.checkout.mutations.base import CheckoutMutation
from marketplace.graphql.core.uuid_ids import uuid_from_global_id
from marketplace.graphql.order.enums import OrderError
from marketplace.graphql.order.types import Order
from marketplace.order.error_codes import OrderErrorCode
from marketplace.order.selectors import order_get
from marketplace.payment.services import order_mark_paid
from marketplace.payment.staff_orders import order_cancel_by_staff


def order_from_id(id: str):
    order = order_get(order_id=uuid_from_global_id(id, "Order"))
    if order is None:
        raise DomainError(_("Không tìm thấy đơn hàng."), code=OrderErrorCode.NOT_FOUND, field="id")
    return order


class OrderMarkAsPaid(CheckoutMutation):
    order = graphene.Field(Order)

    class Arguments:
        id = graphene.ID(required=True)
        transaction_reference = graphene.String()

    class Meta:
        error_type_class = OrderError
        error_type_field = "order_errors"
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, root, info, id, transaction_reference=None):
        order = order_mark_paid(order=order_from_id(id), actor=info.context.user,
                                transaction_reference=transaction_reference or "")
        return {"order": order_get(order_id=order.pk)}


class OrderCancel(CheckoutMutation):
    order = graphene.Field(Order)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        error_type_class = OrderError
        error_type_field = "order_errors"
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, root, info, id):
        order = order_cancel_by_staff(order=order_from_id(id), actor=info.context.user)
        return {"order": order_get(order_id=order.pk)}

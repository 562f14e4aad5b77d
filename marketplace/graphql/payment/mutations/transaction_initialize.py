from __future__ import annotations

import graphene
from django.utils.translation import gettext as _
from graphql_relay import from_global_id

from marketplace.core.errors import DomainError
from marketplace.graphql.checkout.mutations.base import CheckoutMutation
from marketplace.graphql.core.scalars import JSON, PositiveDecimal
from marketplace.graphql.core.uuid_ids import uuid_from_global_id
from marketplace.graphql.payment.types import (
    TransactionEvent,
    TransactionFlowStrategyEnum,
    TransactionInitializeError,
    TransactionItem,
)
from marketplace.order.selectors import order_get
from marketplace.payment.error_codes import PaymentErrorCode
from marketplace.payment.services import transaction_initialize


def _type_of(global_id: str) -> str:
    try:
        return from_global_id(global_id)[0]
    except Exception:  # noqa: BLE001 (malformed: reported by uuid_from_global_id)
        return ""


class PaymentGatewayToInitialize(graphene.InputObjectType):
    id = graphene.String(required=True)
    data = JSON()


class TransactionInitialize(CheckoutMutation):
    """Start paying an ORDER (OCOP places the order first with checkoutComplete, then takes payment): "stripe"
    returns the PaymentIntent's clientSecret in `data`; "ocop.cash-on-delivery" confirms payment at hand-over."""

    transaction = graphene.Field(TransactionItem)
    transaction_event = graphene.Field(TransactionEvent)
    data = JSON()

    class Arguments:
        id = graphene.ID(required=True)
        payment_gateway = PaymentGatewayToInitialize(required=True)
        amount = PositiveDecimal()
        action = TransactionFlowStrategyEnum()
        customer_ip_address = graphene.String()
        idempotency_key = graphene.String()

    class Meta:
        error_type_class = TransactionInitializeError

    @classmethod
    def perform_mutation(cls, root, info, id, payment_gateway, amount=None, action=None, customer_ip_address=None,
                         idempotency_key=None):
        if _type_of(id) == "Checkout":
            raise DomainError(_("Hãy đặt hàng (checkoutComplete) rồi thanh toán cho đơn hàng."),
                              code=PaymentErrorCode.INVALID, field="id")
        order = order_get(order_id=uuid_from_global_id(id, "Order"))
        if order is None:
            raise DomainError(_("Không tìm thấy đơn hàng."), code=PaymentErrorCode.NOT_FOUND, field="id")
        user = info.context.user
        step = transaction_initialize(order=order, gateway=payment_gateway["id"],
                                      actor=user if user.is_authenticated else None)
        return {"transaction": step.transaction, "transaction_event": step.event, "data": step.data}

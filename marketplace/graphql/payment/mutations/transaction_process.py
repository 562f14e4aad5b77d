from __future__ import annotations

import graphene
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.graphql.checkout.mutations.base import CheckoutMutation
from marketplace.graphql.core.scalars import JSON
from marketplace.graphql.core.uuid_ids import uuid_from_global_id
from marketplace.graphql.payment.types import TransactionEvent, TransactionItem, TransactionProcessError
from marketplace.payment.error_codes import PaymentErrorCode
from marketplace.payment.selectors import transaction_get
from marketplace.payment.services import transaction_process


class TransactionProcess(CheckoutMutation):
    """Confirm a card payment with a payment method from Stripe.js (`data: {paymentMethodId}`), or refresh it
    after the browser confirmed it (no data). A decline is a CHARGE_FAILURE event, not an error."""

    transaction = graphene.Field(TransactionItem)
    transaction_event = graphene.Field(TransactionEvent)
    data = JSON()

    class Arguments:
        id = graphene.ID()
        token = graphene.UUID(deprecation_reason="Use `id` instead.")
        data = JSON()
        customer_ip_address = graphene.String()

    class Meta:
        error_type_class = TransactionProcessError

    @classmethod
    def perform_mutation(cls, root, info, id=None, token=None, data=None, customer_ip_address=None):
        key = uuid_from_global_id(id, "TransactionItem") if id else token
        item = transaction_get(token=key) if key else None
        if item is None:
            raise DomainError(_("Không tìm thấy giao dịch."), code=PaymentErrorCode.NOT_FOUND, field="id")
        payment_method_id = (data or {}).get("paymentMethodId") if isinstance(data, dict) else None
        step = transaction_process(item=item, payment_method_id=payment_method_id)
        return {"transaction": step.transaction, "transaction_event": step.event, "data": step.data}

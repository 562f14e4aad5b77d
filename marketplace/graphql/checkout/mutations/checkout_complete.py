from __future__ import annotations

import json

import graphene
from django.utils.translation import gettext as _

from marketplace.checkout.complete import checkout_complete
from marketplace.checkout.error_codes import CheckoutErrorCode
from marketplace.core.errors import DomainError
from marketplace.graphql.checkout.mutations.base import CheckoutError, CheckoutIdArguments, CheckoutWriteMutation
from marketplace.graphql.core.types import MetadataInput
from marketplace.graphql.core.uuid_ids import uuid_from_global_id
from marketplace.graphql.order.types import Order


def _gateway(payment_data: str | dict | None) -> str | None:
    """`paymentData` may name the gateway: {"gateway": "ocop.cash-on-delivery"} confirms the order for cash on
    delivery; without it (or with "stripe") the order waits for transactionInitialize on the order."""
    if not payment_data:
        return None
    try:
        data = json.loads(payment_data) if isinstance(payment_data, str) else payment_data
    except ValueError:
        raise DomainError(_("paymentData không phải JSON hợp lệ."), code=CheckoutErrorCode.INVALID, field="paymentData")
    if not isinstance(data, dict):
        raise DomainError(_("paymentData phải là một đối tượng JSON."), code=CheckoutErrorCode.INVALID,
                          field="paymentData")
    return data.get("gateway")


class CheckoutComplete(CheckoutWriteMutation):
    order = graphene.Field(Order)
    confirmation_needed = graphene.Boolean(required=True)
    confirmation_data = graphene.JSONString()

    class Arguments(CheckoutIdArguments):
        payment_data = graphene.JSONString()
        redirect_url = graphene.String()
        store_source = graphene.Boolean(default_value=False)
        metadata = graphene.List(graphene.NonNull(MetadataInput))

    class Meta:
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def perform_mutation(cls, root, info, id=None, checkout_id=None, token=None, payment_data=None,
                         redirect_url=None, store_source=False, metadata=None):
        raw = id or checkout_id
        key = uuid_from_global_id(raw, "Checkout") if raw else token
        if key is None:
            raise DomainError(_("Thiếu mã giỏ hàng (id)."), code=CheckoutErrorCode.REQUIRED, field="id")
        order = checkout_complete(checkout_token=key, user=info.context.user, gateway=_gateway(payment_data),
                                  redirect_url=redirect_url or "")
        return {"order": order, "confirmation_needed": False, "confirmation_data": None}

    @classmethod
    def error_payload(cls, errors):
        result = super().error_payload(errors)
        result.confirmation_needed = False
        return result

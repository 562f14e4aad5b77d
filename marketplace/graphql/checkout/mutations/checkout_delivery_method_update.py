from __future__ import annotations

import graphene
from django.utils.translation import gettext as _
from graphql_relay import from_global_id

from marketplace.checkout import services
from marketplace.checkout.error_codes import CheckoutErrorCode
from marketplace.core.errors import DomainError
from marketplace.graphql.checkout.mutations.base import (
    CheckoutError,
    CheckoutWriteMutation,
    checkout_from_args,
    payload,
)
from marketplace.graphql.checkout.types import Checkout
from marketplace.graphql.core.ids import pk_from_global_id


class CheckoutDeliveryMethodUpdate(CheckoutWriteMutation):
    """A ShippingMethod ID for home delivery, or a Warehouse ID to collect at that sales point (free)."""

    checkout = graphene.Field(Checkout)

    class Arguments:
        id = graphene.ID()
        token = graphene.UUID(deprecation_reason="Use `id` instead.")
        delivery_method_id = graphene.ID()

    class Meta:
        error_type_class = CheckoutError

    @classmethod
    def perform_mutation(cls, root, info, id=None, token=None, delivery_method_id=None):
        checkout = checkout_from_args(id=id, token=token)
        if not delivery_method_id:
            return payload(services.checkout_delivery_method_update(checkout=checkout))
        try:
            type_name = from_global_id(delivery_method_id)[0]
        except Exception:  # noqa: BLE001 (any malformed ID)
            type_name = ""
        if type_name == "Warehouse":
            pk = pk_from_global_id(delivery_method_id, "Warehouse", field="deliveryMethodId")
            return payload(services.checkout_delivery_method_update(checkout=checkout, warehouse_id=pk))
        if type_name == "ShippingMethod":
            pk = pk_from_global_id(delivery_method_id, "ShippingMethod", field="deliveryMethodId")
            return payload(services.checkout_delivery_method_update(checkout=checkout, shipping_method_id=pk))
        raise DomainError(_("Mã phương thức giao hàng không hợp lệ."), code=CheckoutErrorCode.INVALID,
                          field="deliveryMethodId")

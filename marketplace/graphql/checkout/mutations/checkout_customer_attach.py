from __future__ import annotations

import graphene

from marketplace.checkout import services
from marketplace.graphql.checkout.mutations.base import (
    CheckoutError,
    CheckoutIdArguments,
    CheckoutWriteMutation,
    checkout_from_args,
    payload,
)
from marketplace.graphql.checkout.types import Checkout
from marketplace.graphql.core.errors import permission_denied


class CheckoutCustomerAttach(CheckoutWriteMutation):
    """Attach the signed-in shopper to a guest checkout (then the order appears in their account)."""

    checkout = graphene.Field(Checkout)

    class Arguments(CheckoutIdArguments):
        customer_id = graphene.ID()

    class Meta:
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def perform_mutation(cls, root, info, id=None, checkout_id=None, token=None, customer_id=None):
        user = info.context.user
        if not user.is_authenticated or customer_id:
            raise permission_denied(["AUTHENTICATED_USER"])
        checkout = checkout_from_args(id=id, checkout_id=checkout_id, token=token)
        return payload(services.checkout_customer_attach(checkout=checkout, user=user))

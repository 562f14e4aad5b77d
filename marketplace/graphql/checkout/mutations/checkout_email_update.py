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


class CheckoutEmailUpdate(CheckoutWriteMutation):
    checkout = graphene.Field(Checkout)

    class Arguments(CheckoutIdArguments):
        email = graphene.String(required=True)

    class Meta:
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def perform_mutation(cls, root, info, email, id=None, checkout_id=None, token=None):
        checkout = checkout_from_args(id=id, checkout_id=checkout_id, token=token)
        return payload(services.checkout_email_update(checkout=checkout, email=email))

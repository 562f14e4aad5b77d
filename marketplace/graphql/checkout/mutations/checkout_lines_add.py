from __future__ import annotations

import graphene

from marketplace.checkout import services
from marketplace.graphql.checkout.mutations.base import (
    CheckoutError,
    CheckoutIdArguments,
    CheckoutLineInput,
    CheckoutWriteMutation,
    checkout_from_args,
    client_address,
    payload,
    variant_pk,
)
from marketplace.graphql.checkout.types import Checkout


class CheckoutLinesAdd(CheckoutWriteMutation):
    checkout = graphene.Field(Checkout)

    class Arguments(CheckoutIdArguments):
        lines = graphene.List(graphene.NonNull(CheckoutLineInput), required=True)

    class Meta:
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def perform_mutation(cls, root, info, lines, id=None, checkout_id=None, token=None):
        checkout = checkout_from_args(id=id, checkout_id=checkout_id, token=token)
        checkout = services.checkout_lines_add(checkout=checkout, client_address=client_address(info), lines=[
            services.LineInput(variant_id=variant_pk(line["variant_id"]), quantity=line["quantity"])
            for line in lines])
        return payload(checkout)

from __future__ import annotations

import graphene

from marketplace.checkout import services
from marketplace.graphql.checkout.mutations.base import (
    CheckoutError,
    CheckoutWriteMutation,
    checkout_from_args,
    payload,
)
from marketplace.graphql.checkout.types import Checkout
from marketplace.graphql.core.uuid_ids import uuid_from_global_id


class CheckoutLinesDelete(CheckoutWriteMutation):
    checkout = graphene.Field(Checkout)

    class Arguments:
        id = graphene.ID()
        token = graphene.UUID(deprecation_reason="Use `id` instead.")
        lines_ids = graphene.List(graphene.NonNull(graphene.ID), required=True)

    class Meta:
        error_type_class = CheckoutError

    @classmethod
    def perform_mutation(cls, root, info, lines_ids, id=None, token=None):
        checkout = checkout_from_args(id=id, token=token)
        line_ids = [uuid_from_global_id(i, "CheckoutLine", field="linesIds") for i in lines_ids]
        return payload(services.checkout_lines_delete(checkout=checkout, line_ids=line_ids))

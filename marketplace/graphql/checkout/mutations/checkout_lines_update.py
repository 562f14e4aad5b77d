from __future__ import annotations

import graphene
from django.utils.translation import gettext as _

from marketplace.checkout import services
from marketplace.checkout.error_codes import CheckoutErrorCode
from marketplace.core.errors import DomainError
from marketplace.graphql.checkout.mutations.base import (
    CheckoutError,
    CheckoutIdArguments,
    CheckoutLineUpdateInput,
    CheckoutWriteMutation,
    checkout_from_args,
    client_address,
    payload,
    variant_pk,
)
from marketplace.graphql.checkout.types import Checkout
from marketplace.graphql.core.uuid_ids import uuid_from_global_id


def _update(line: dict) -> services.LineUpdate:
    if line.get("quantity") is None:
        raise DomainError(_("Vui lòng nhập số lượng."), code=CheckoutErrorCode.REQUIRED, field="quantity")
    if line.get("line_id"):
        return services.LineUpdate(quantity=line["quantity"],
                                   line_id=uuid_from_global_id(line["line_id"], "CheckoutLine", field="lineId"))
    if line.get("variant_id"):
        return services.LineUpdate(quantity=line["quantity"], variant_id=variant_pk(line["variant_id"]))
    raise DomainError(_("Cần `lineId`."), code=CheckoutErrorCode.REQUIRED, field="lineId")


class CheckoutLinesUpdate(CheckoutWriteMutation):
    checkout = graphene.Field(Checkout)

    class Arguments(CheckoutIdArguments):
        lines = graphene.List(graphene.NonNull(CheckoutLineUpdateInput), required=True)

    class Meta:
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def perform_mutation(cls, root, info, lines, id=None, checkout_id=None, token=None):
        checkout = checkout_from_args(id=id, checkout_id=checkout_id, token=token)
        checkout = services.checkout_lines_update(checkout=checkout, lines=[_update(line) for line in lines],
                                                  client_address=client_address(info))
        return payload(checkout)

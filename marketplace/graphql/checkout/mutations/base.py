"""What all checkout mutations share: CheckoutError (with the variants/lines at fault), finding the checkout
from `id` / `checkoutId` / `token`, and the line inputs."""

from __future__ import annotations

import graphene
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.checkout.error_codes import CheckoutErrorCode as Codes
from marketplace.checkout.models import Checkout
from marketplace.checkout.selectors import checkout_get
from marketplace.core.client_address import client_address_get
from marketplace.core.errors import DomainError
from marketplace.graphql.core.enums import LanguageCodeEnum
from marketplace.graphql.core.ids import pk_from_global_id, to_global_id
from marketplace.graphql.core.mutations import BaseMutation
from marketplace.graphql.core.saleor_enums import AddressTypeEnum, CheckoutErrorCode, code_or
from marketplace.graphql.core.scalars import PositiveDecimal
from marketplace.graphql.core.types import MetadataInput
from marketplace.graphql.core.uuid_ids import uuid_from_global_id


class CheckoutError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(CheckoutErrorCode, required=True)
    variants = graphene.List(graphene.NonNull(graphene.ID))
    lines = graphene.List(graphene.NonNull(graphene.ID))
    address_type = graphene.Field(AddressTypeEnum)


class CheckoutLineInput(graphene.InputObjectType):
    quantity = graphene.Int(required=True)
    variant_id = graphene.ID(required=True)
    price = PositiveDecimal()
    price_override_reason = graphene.String()
    force_new_line = graphene.Boolean(default_value=False)
    metadata = graphene.List(graphene.NonNull(MetadataInput))


class CheckoutLineUpdateInput(graphene.InputObjectType):
    variant_id = graphene.ID(deprecation_reason="Use `lineId` instead.")
    quantity = graphene.Int()
    price = PositiveDecimal()
    price_override_reason = graphene.String()
    line_id = graphene.ID()
    metadata = graphene.List(graphene.NonNull(MetadataInput))


class CheckoutAddressValidationRules(graphene.InputObjectType):
    check_required_fields = graphene.Boolean(default_value=True)
    check_fields_format = graphene.Boolean(default_value=True)
    enable_fields_normalization = graphene.Boolean(default_value=True)


class CheckoutValidationRules(graphene.InputObjectType):
    shipping_address = graphene.Field(CheckoutAddressValidationRules)
    billing_address = graphene.Field(CheckoutAddressValidationRules)


def language(value) -> str:
    from marketplace.graphql.core.enums import language_code

    return language_code(value) if value is not None else "vi"


class CheckoutIdArguments:
    """How Saleor's checkout mutations name the checkout: `id`, or the deprecated `checkoutId` / `token`.
    Mix into a mutation's `Arguments`; read with `checkout_from_args`."""

    id = graphene.ID()
    checkout_id = graphene.ID(deprecation_reason="Use `id` instead.")
    token = graphene.UUID(deprecation_reason="Use `id` instead.")


class CheckoutMutation(BaseMutation):
    class Meta:
        abstract = True

    @classmethod
    def error_payload(cls, errors: list[DomainError]):
        enum = cls.error_type_class._meta.fields["code"].type.of_type
        objects = [cls.error_type_class(field=e.field, message=e.message, code=code_or(enum, e.code),
                                        **cls.error_extra(e)) for e in errors]
        payload = {"errors": objects}
        if cls.error_type_field:
            payload[cls.error_type_field] = objects
        return cls(**payload)

    @classmethod
    def error_extra(cls, error: DomainError) -> dict:
        extra = {}
        if error.params.get("variant_ids"):
            extra["variants"] = [to_global_id("ProductVariant", v) for v in error.params["variant_ids"]]
        if error.params.get("line_ids"):
            extra["lines"] = [to_global_id("CheckoutLine", str(line)) for line in error.params["line_ids"]]
        if error.params.get("address_type"):
            extra["address_type"] = error.params["address_type"]
        fields = cls.error_type_class._meta.fields
        return {k: v for k, v in extra.items() if k in fields}


class CheckoutWriteMutation(CheckoutMutation):
    """The checkout's own mutations, all or nothing: one that answers with errors keeps nothing it did on the way
    (a checkout created before its address was refused, the reservation made for it). Only for mutations that
    make no network call (payments use CheckoutMutation: Stripe is never called inside a transaction)."""

    class Meta:
        abstract = True

    @classmethod
    def mutate(cls, root, info, **data):
        with transaction.atomic():
            result = super().mutate(root, info, **data)
            if result.errors:
                transaction.set_rollback(True)
        return result


def checkout_from_args(*, id: str | None = None, checkout_id: str | None = None, token=None) -> Checkout:
    raw = id or checkout_id
    if raw:
        key = uuid_from_global_id(raw, "Checkout", field="id")
    elif token:
        key = token
    else:
        raise DomainError(_("Thiếu mã giỏ hàng (id)."), code=Codes.REQUIRED, field="id")
    checkout = checkout_get(token=key)
    if checkout is None:
        raise DomainError(_("Không tìm thấy giỏ hàng (có thể đã được đặt thành đơn)."), code=Codes.NOT_FOUND,
                          field="id")
    return checkout


def client_address(info) -> str | None:
    return client_address_get(meta=info.context.META)


def variant_pk(variant_id: str) -> int:
    return pk_from_global_id(variant_id, "ProductVariant", field="variantId")


def payload(checkout: Checkout) -> dict:
    return {"checkout": checkout_get(token=checkout.pk)}


__all__ = ["CheckoutError", "CheckoutMutation", "CheckoutWriteMutation", "LanguageCodeEnum", "checkout_from_args",
           "client_address", "payload", "variant_pk"]

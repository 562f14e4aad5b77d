from __future__ import annotations

import graphene

from marketplace.account.addresses import CONTACT_ONLY, FULL_ADDRESS
from marketplace.checkout import services
from marketplace.graphql.account.types import AddressInput, address_data
from marketplace.graphql.checkout.mutations.base import (
    CheckoutError,
    CheckoutLineInput,
    CheckoutValidationRules,
    CheckoutWriteMutation,
    client_address,
    language,
    payload,
    variant_pk,
)
from marketplace.graphql.checkout.types import Checkout
from marketplace.graphql.core.enums import LanguageCodeEnum
from marketplace.graphql.core.types import MetadataInput


class CheckoutCreateInput(graphene.InputObjectType):
    channel = graphene.String()
    lines = graphene.List(graphene.NonNull(CheckoutLineInput), required=True)
    email = graphene.String()
    save_shipping_address = graphene.Boolean()
    shipping_address = graphene.Field(AddressInput)
    save_billing_address = graphene.Boolean()
    billing_address = graphene.Field(AddressInput)
    language_code = graphene.Field(LanguageCodeEnum)
    validation_rules = graphene.Field(CheckoutValidationRules)
    metadata = graphene.List(graphene.NonNull(MetadataInput))


class CheckoutCreate(CheckoutWriteMutation):
    created = graphene.Boolean(deprecation_reason="Always returns `true`.")
    checkout = graphene.Field(Checkout)

    class Arguments:
        input = CheckoutCreateInput(required=True)

    class Meta:
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def perform_mutation(cls, root, info, input):
        checkout = services.checkout_create(
            channel_slug=input.get("channel"), email=input.get("email") or "", user=info.context.user,
            client_address=client_address(info),
            language_code=language(input.get("language_code")),
            lines=[services.LineInput(variant_id=variant_pk(line["variant_id"]), quantity=line["quantity"])
                   for line in input["lines"]])
        rules = input.get("validation_rules") or {}
        if input.get("shipping_address"):
            checkout = services.checkout_shipping_address_update(checkout=checkout,
                                                                 data=address_data(input["shipping_address"]))
        if input.get("billing_address"):
            billing_rules = rules.get("billing_address") or {}
            checkout = services.checkout_billing_address_update(
                checkout=checkout, data=address_data(input["billing_address"]),
                rules=FULL_ADDRESS if billing_rules.get("check_required_fields", True) else CONTACT_ONLY)
        if input.get("metadata"):
            checkout.metadata.update({m["key"]: m["value"] for m in input["metadata"]})
            checkout.save(update_fields=["metadata"])
        return {**payload(checkout), "created": True}

"""checkoutShippingAddressUpdate and checkoutBillingAddressUpdate: Vietnamese addresses, validated."""

from __future__ import annotations

import graphene

from marketplace.account.addresses import AddressRules
from marketplace.checkout import services
from marketplace.graphql.account.types import AddressInput, address_data
from marketplace.graphql.checkout.mutations.base import (
    CheckoutAddressValidationRules,
    CheckoutError,
    CheckoutIdArguments,
    CheckoutWriteMutation,
    checkout_from_args,
    payload,
)
from marketplace.graphql.checkout.types import Checkout


def _rules(value: dict | None) -> AddressRules:
    value = value or {}
    return AddressRules(check_required_fields=value.get("check_required_fields", True) is not False,
                        check_fields_format=True)


class CheckoutShippingAddressUpdate(CheckoutWriteMutation):
    checkout = graphene.Field(Checkout)

    class Arguments(CheckoutIdArguments):
        shipping_address = AddressInput(required=True)
        validation_rules = CheckoutAddressValidationRules()
        save_address = graphene.Boolean()

    class Meta:
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def perform_mutation(cls, root, info, shipping_address, id=None, checkout_id=None, token=None,
                         validation_rules=None, save_address=None):
        checkout = checkout_from_args(id=id, checkout_id=checkout_id, token=token)
        return payload(services.checkout_shipping_address_update(checkout=checkout,
                                                                 data=address_data(shipping_address)))


class CheckoutBillingAddressUpdate(CheckoutWriteMutation):
    checkout = graphene.Field(Checkout)

    class Arguments(CheckoutIdArguments):
        billing_address = AddressInput(required=True)
        validation_rules = CheckoutAddressValidationRules()
        save_address = graphene.Boolean()

    class Meta:
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def perform_mutation(cls, root, info, billing_address, id=None, checkout_id=None, token=None,
                         validation_rules=None, save_address=None):
        checkout = checkout_from_args(id=id, checkout_id=checkout_id, token=token)
        return payload(services.checkout_billing_address_update(checkout=checkout,
                                                                data=address_data(billing_address),
                                                                rules=_rules(validation_rules)))

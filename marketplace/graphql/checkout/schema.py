from __future__ import annotations

import graphene

from marketplace.checkout.selectors import checkout_get
from marketplace.graphql.checkout.mutations.checkout_address_update import (
    CheckoutBillingAddressUpdate,
    CheckoutShippingAddressUpdate,
)
from marketplace.graphql.checkout.mutations.checkout_complete import CheckoutComplete
from marketplace.graphql.checkout.mutations.checkout_create import CheckoutCreate
from marketplace.graphql.checkout.mutations.checkout_customer_attach import CheckoutCustomerAttach
from marketplace.graphql.checkout.mutations.checkout_delivery_method_update import CheckoutDeliveryMethodUpdate
from marketplace.graphql.checkout.mutations.checkout_email_update import CheckoutEmailUpdate
from marketplace.graphql.checkout.mutations.checkout_lines_add import CheckoutLinesAdd
from marketplace.graphql.checkout.mutations.checkout_lines_delete import CheckoutLinesDelete
from marketplace.graphql.checkout.mutations.checkout_lines_update import CheckoutLinesUpdate
from marketplace.graphql.checkout.types import Checkout
from marketplace.graphql.core.uuid_ids import uuid_from_global_id


class CheckoutQueries(graphene.ObjectType):
    checkout = graphene.Field(Checkout, id=graphene.ID(),
                              token=graphene.UUID(deprecation_reason="Use `id` instead."))

    @staticmethod
    def resolve_checkout(root, info, id=None, token=None):
        return checkout_get(token=uuid_from_global_id(id, "Checkout") if id else token)


class CheckoutMutations(graphene.ObjectType):
    checkout_create = CheckoutCreate.Field()
    checkout_lines_add = CheckoutLinesAdd.Field()
    checkout_lines_update = CheckoutLinesUpdate.Field()
    checkout_lines_delete = CheckoutLinesDelete.Field()
    checkout_email_update = CheckoutEmailUpdate.Field()
    checkout_shipping_address_update = CheckoutShippingAddressUpdate.Field()
    checkout_billing_address_update = CheckoutBillingAddressUpdate.Field()
    checkout_delivery_method_update = CheckoutDeliveryMethodUpdate.Field()
    checkout_customer_attach = CheckoutCustomerAttach.Field()
    checkout_complete = CheckoutComplete.Field()

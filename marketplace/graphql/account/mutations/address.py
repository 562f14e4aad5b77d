"""Saleor's accountAddressCreate/Update/Delete and accountSetDefaultAddress for the signed-in user."""

from __future__ import annotations

import graphene

from marketplace.account.address_book import (
    account_address_create,
    account_address_delete,
    account_address_update,
    account_default_address_set,
)
from marketplace.graphql.account.mutations.account import AccountMutation, signed_in_user
from marketplace.graphql.account.types import Address, AddressInput, User, address_data
from marketplace.graphql.core.errors import permission_denied
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.core.saleor_enums import AddressTypeEnum


def _type(value) -> str | None:
    value = getattr(value, "value", value)
    return str(value).lower() if value else None


def _given(value) -> dict:
    """Only the fields the caller sent (an update leaves the others as they are)."""
    data = address_data(value)
    return {k: v for k, v in data.items() if k in (value or {})}


class AccountAddressCreate(AccountMutation):
    user = graphene.Field(User)
    address = graphene.Field(Address)

    class Arguments:
        customer_id = graphene.ID()
        input = AddressInput(required=True)
        type = AddressTypeEnum()

    @classmethod
    def perform_mutation(cls, root, info, input, customer_id=None, type=None):
        user = signed_in_user(info)
        if customer_id is not None:
            raise permission_denied(["MANAGE_USERS"])
        address = account_address_create(user=user, data=address_data(input), address_type=_type(type))
        return {"user": user, "address": address}


class AccountAddressUpdate(AccountMutation):
    user = graphene.Field(User)
    address = graphene.Field(Address)

    class Arguments:
        id = graphene.ID(required=True)
        input = AddressInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        user = signed_in_user(info)
        address = account_address_update(user=user, address_id=pk_from_global_id(id, "Address"),
                                          data=_given(input))
        return {"user": user, "address": address}


class AccountAddressDelete(AccountMutation):
    user = graphene.Field(User)
    address = graphene.Field(Address)

    class Arguments:
        id = graphene.ID(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id):
        user = signed_in_user(info)
        address = account_address_delete(user=user, address_id=pk_from_global_id(id, "Address"))
        return {"user": user, "address": address}


class AccountSetDefaultAddress(AccountMutation):
    user = graphene.Field(User)

    class Arguments:
        id = graphene.ID(required=True)
        type = AddressTypeEnum(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id, type):
        user = signed_in_user(info)
        return {"user": account_default_address_set(user=user, address_id=pk_from_global_id(id, "Address"),
                                                    address_type=_type(type))}

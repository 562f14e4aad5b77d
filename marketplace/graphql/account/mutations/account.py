"""Saleor's own-account mutations: confirmAccount, passwordChange, accountUpdate, accountRequestDeletion,
accountDelete (the signed-in user only; anonymous callers get PermissionDenied)."""

from __future__ import annotations

import graphene

from marketplace.account.accounts import (
    account_confirm,
    account_delete,
    account_deletion_request,
    account_password_change,
    account_update,
)
from marketplace.graphql.account.types import AccountError, AddressInput, User
from marketplace.graphql.checkout.mutations.base import CheckoutMutation, language
from marketplace.graphql.core.enums import LanguageCodeEnum
from marketplace.graphql.core.errors import permission_denied
from marketplace.graphql.core.types import MetadataInput


def signed_in_user(info):
    user = info.context.user
    if not user.is_authenticated:
        raise permission_denied(["AUTHENTICATED_USER"])
    return user


class AccountMutation(CheckoutMutation):
    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, **options):
        options.setdefault("error_type_class", AccountError)
        options.setdefault("error_type_field", "account_errors")
        super().__init_subclass_with_meta__(**options)


class ConfirmAccount(AccountMutation):
    user = graphene.Field(User)

    class Arguments:
        email = graphene.String(required=True)
        password = graphene.String()
        token = graphene.String(required=True)

    @classmethod
    def perform_mutation(cls, root, info, email, token, password=None):
        return {"user": account_confirm(email=email, token=token)}


class PasswordChange(AccountMutation):
    user = graphene.Field(User)

    class Arguments:
        new_password = graphene.String(required=True)
        old_password = graphene.String()

    @classmethod
    def perform_mutation(cls, root, info, new_password, old_password=None):
        user = signed_in_user(info)
        return {"user": account_password_change(user=user, old_password=old_password, new_password=new_password)}


class AccountInput(graphene.InputObjectType):
    first_name = graphene.String()
    last_name = graphene.String()
    language_code = graphene.Field(LanguageCodeEnum)
    default_billing_address = AddressInput()
    default_shipping_address = AddressInput()
    metadata = graphene.List(graphene.NonNull(MetadataInput))


class AccountUpdate(AccountMutation):
    user = graphene.Field(User)

    class Arguments:
        customer_id = graphene.ID()
        input = AccountInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, input, customer_id=None):
        user = signed_in_user(info)
        if customer_id is not None:  # editing another customer is the staff API's (MANAGE_USERS), not here
            raise permission_denied(["MANAGE_USERS"])
        code = input.get("language_code")
        return {"user": account_update(user=user, first_name=input.get("first_name"),
                                       last_name=input.get("last_name"),
                                       language_code=language(code) if code is not None else None)}


class AccountRequestDeletion(AccountMutation):
    class Arguments:
        channel = graphene.String()
        redirect_url = graphene.String(required=True)

    @classmethod
    def perform_mutation(cls, root, info, redirect_url, channel=None):
        account_deletion_request(user=signed_in_user(info), redirect_url=redirect_url)
        return {}


class AccountDelete(AccountMutation):
    user = graphene.Field(User)

    class Arguments:
        token = graphene.String(required=True)

    @classmethod
    def perform_mutation(cls, root, info, token):
        return {"user": account_delete(user=signed_in_user(info), token=token)}

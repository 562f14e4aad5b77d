from __future__ import annotations

import graphene

from marketplace.account.accounts import account_register
from marketplace.graphql.account.types import AccountError, User
from marketplace.graphql.checkout.mutations.base import CheckoutMutation, language
from marketplace.graphql.core.enums import LanguageCodeEnum
from marketplace.graphql.core.types import MetadataInput


class AccountRegisterInput(graphene.InputObjectType):
    first_name = graphene.String()
    last_name = graphene.String()
    language_code = graphene.Field(LanguageCodeEnum)
    email = graphene.String(required=True)
    password = graphene.String(required=True)
    redirect_url = graphene.String()
    metadata = graphene.List(graphene.NonNull(MetadataInput))
    channel = graphene.String()


class AccountRegister(CheckoutMutation):
    user = graphene.Field(User, deprecation_reason="Saleor returns a User built from the input.")
    requires_confirmation = graphene.Boolean()

    class Arguments:
        input = AccountRegisterInput(required=True)

    class Meta:
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, root, info, input):
        user, requires_confirmation = account_register(
            email=input["email"], password=input["password"], first_name=input.get("first_name") or "",
            last_name=input.get("last_name") or "", language_code=language(input.get("language_code")),
            redirect_url=input.get("redirect_url"), request=info.context)
        return {"user": user, "requires_confirmation": requires_confirmation}

"""tokenCreate / tokenRefresh / tokenVerify: JWT sign-in (send `Authorization: Bearer <token>` afterwards)."""

from __future__ import annotations

import graphene
from graphene.types.generic import GenericScalar

from marketplace.account import tokens
from marketplace.core.errors import DomainError
from marketplace.graphql.account.types import AccountError, User
from marketplace.graphql.checkout.mutations.base import CheckoutMutation


class CreateToken(CheckoutMutation):
    token = graphene.String()
    refresh_token = graphene.String()
    csrf_token = graphene.String()
    user = graphene.Field(User)

    class Arguments:
        email = graphene.String(required=True)
        password = graphene.String(required=True)
        audience = graphene.String()

    class Meta:
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, root, info, email, password, audience=None):
        pair = tokens.token_create(email=email, password=password, request=info.context)
        return {"token": pair.access, "refresh_token": pair.refresh, "user": pair.user}


class RefreshToken(CheckoutMutation):
    token = graphene.String()
    user = graphene.Field(User)

    class Arguments:
        refresh_token = graphene.String()
        csrf_token = graphene.String()

    class Meta:
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, root, info, refresh_token=None, csrf_token=None):
        access, user = tokens.token_refresh(refresh_token=refresh_token, request=info.context)
        return {"token": access, "user": user}


class VerifyToken(CheckoutMutation):
    user = graphene.Field(User)
    is_valid = graphene.Boolean(required=True)
    payload = GenericScalar()

    class Arguments:
        token = graphene.String(required=True)

    class Meta:
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, root, info, token):
        user = tokens.user_from_access_token(token=token)
        return {"user": user, "is_valid": True, "payload": {"email": user.email}}

    @classmethod
    def error_payload(cls, errors: list[DomainError]):
        result = super().error_payload(errors)
        result.is_valid = False
        return result

"""Saleor's requestPasswordReset and setPassword."""

from __future__ import annotations

import graphene

from marketplace.account.password_reset import password_reset_request, password_set
from marketplace.account.tokens import token_pair_for
from marketplace.graphql.account.types import AccountError, User
from marketplace.graphql.core.mutations import BaseMutation


class RequestPasswordReset(BaseMutation):
    class Arguments:
        channel = graphene.String()
        email = graphene.String(required=True)
        redirect_url = graphene.String(required=True)

    class Meta:
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, root, info, email, redirect_url, channel=None):
        password_reset_request(email=email, redirect_url=redirect_url)
        return {}


class SetPassword(BaseMutation):
    token = graphene.String()
    refresh_token = graphene.String()
    csrf_token = graphene.String()
    user = graphene.Field(User)

    class Arguments:
        email = graphene.String(required=True)
        password = graphene.String(required=True)
        token = graphene.String(required=True)

    class Meta:
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, root, info, email, password, token):
        user = password_set(email=email, token=token, password=password)
        pair = token_pair_for(user=user)
        return {"token": pair.access, "refresh_token": pair.refresh, "user": user}

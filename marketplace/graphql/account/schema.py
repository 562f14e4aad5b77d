from __future__ import annotations

import graphene

from marketplace.core.geography import PROVINCES
from marketplace.graphql.account.mutations.account import (
    AccountDelete,
    AccountRequestDeletion,
    AccountUpdate,
    ConfirmAccount,
    PasswordChange,
)
from marketplace.graphql.account.mutations.account_register import AccountRegister
from marketplace.graphql.account.mutations.address import (
    AccountAddressCreate,
    AccountAddressDelete,
    AccountAddressUpdate,
    AccountSetDefaultAddress,
)
from marketplace.graphql.account.mutations.tokens import CreateToken, RefreshToken, VerifyToken
from marketplace.graphql.account.types import User
from marketplace.graphql.core.enums import CountryCode


class ChoiceValue(graphene.ObjectType):
    raw = graphene.String()
    verbose = graphene.String()


class AddressValidationData(graphene.ObjectType):
    country_code = graphene.String(required=True)
    country_name = graphene.String(required=True)
    address_format = graphene.String(required=True)
    address_latin_format = graphene.String(required=True)
    allowed_fields = graphene.List(graphene.NonNull(graphene.String), required=True)
    required_fields = graphene.List(graphene.NonNull(graphene.String), required=True)
    upper_fields = graphene.List(graphene.NonNull(graphene.String), required=True)
    country_area_type = graphene.String(required=True)
    country_area_choices = graphene.List(graphene.NonNull(ChoiceValue), required=True)
    city_type = graphene.String(required=True)
    city_choices = graphene.List(graphene.NonNull(ChoiceValue), required=True)
    city_area_type = graphene.String(required=True)
    city_area_choices = graphene.List(graphene.NonNull(ChoiceValue), required=True)
    postal_code_type = graphene.String(required=True)
    postal_code_matchers = graphene.List(graphene.NonNull(graphene.String), required=True)
    postal_code_examples = graphene.List(graphene.NonNull(graphene.String), required=True)
    postal_code_prefix = graphene.String(required=True)


def vietnam_address_rules() -> AddressValidationData:
    """Two-level units since 07/2025: the 34 provinces are the choices; the commune/ward goes in `city`."""
    return AddressValidationData(
        country_code="VN", country_name="Việt Nam", address_format="%N%n%O%n%A%n%C%n%S",
        address_latin_format="%N%n%O%n%A%n%C%n%S",
        allowed_fields=["name", "companyName", "streetAddress", "city", "countryArea", "postalCode"],
        required_fields=["streetAddress", "city", "countryArea"], upper_fields=[],
        country_area_type="province", city_type="commune", city_area_type="district",
        country_area_choices=[ChoiceValue(raw=p.name, verbose=p.name) for p in PROVINCES],
        city_choices=[], city_area_choices=[], postal_code_type="postal",
        postal_code_matchers=[r"^\d{5,6}$"], postal_code_examples=["10000", "700000"], postal_code_prefix="")


class AccountQueries(graphene.ObjectType):
    me = graphene.Field(User)
    address_validation_rules = graphene.Field(
        AddressValidationData, country_code=graphene.Argument(CountryCode, required=True),
        country_area=graphene.String(), city=graphene.String(), city_area=graphene.String())

    @staticmethod
    def resolve_me(root, info):
        user = info.context.user
        return user if user.is_authenticated else None

    @staticmethod
    def resolve_address_validation_rules(root, info, country_code, **_):
        return vietnam_address_rules()


class AccountMutations(graphene.ObjectType):
    token_create = CreateToken.Field()
    token_refresh = RefreshToken.Field()
    token_verify = VerifyToken.Field()
    account_register = AccountRegister.Field()
    confirm_account = ConfirmAccount.Field()
    password_change = PasswordChange.Field()
    account_update = AccountUpdate.Field()
    account_address_create = AccountAddressCreate.Field()
    account_address_update = AccountAddressUpdate.Field()
    account_address_delete = AccountAddressDelete.Field()
    account_set_default_address = AccountSetDefaultAddress.Field()
    account_request_deletion = AccountRequestDeletion.Field()
    account_delete = AccountDelete.Field()

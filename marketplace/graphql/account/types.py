"""Saleor's User and Address types (the fields a storefront reads), AddressInput and AccountError."""

from __future__ import annotations

import graphene

from marketplace.account.models import Address as AddressModel
from marketplace.account.models import User as UserModel
from marketplace.graphql.core.enums import CountryCode, LanguageCodeEnum
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.saleor_enums import AccountErrorCode, AddressTypeEnum
from marketplace.graphql.core.types import CountryDisplay, MetadataInput, ObjectWithMetadata, country_display


class AccountError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(AccountErrorCode, required=True)
    address_type = graphene.Field(AddressTypeEnum)


class AddressInput(graphene.InputObjectType):
    first_name = graphene.String()
    last_name = graphene.String()
    company_name = graphene.String()
    street_address_1 = graphene.String()
    street_address_2 = graphene.String()
    city = graphene.String(description="Xã/phường (commune or ward).")
    city_area = graphene.String()
    postal_code = graphene.String()
    country = graphene.Field(CountryCode)
    country_area = graphene.String(description="Tỉnh/thành phố: one of the 34 provinces (old names are mapped).")
    phone = graphene.String()
    metadata = graphene.List(graphene.NonNull(MetadataInput))
    skip_validation = graphene.Boolean(default_value=False)


def address_data(value: dict | None) -> dict:
    """AddressInput -> the keyword dict account.addresses expects."""
    data = dict(value or {})
    country = data.get("country")
    data["country"] = getattr(country, "value", country) or "VN"
    data.pop("metadata", None)
    data.pop("skip_validation", None)
    return data


class Address(ModelObjectType):
    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    company_name = graphene.String(required=True)
    street_address_1 = graphene.String(required=True)
    street_address_2 = graphene.String(required=True)
    city = graphene.String(required=True)
    city_area = graphene.String(required=True)
    postal_code = graphene.String(required=True)
    country = graphene.Field(CountryDisplay, required=True)
    country_area = graphene.String(required=True)
    phone = graphene.String()
    is_default_shipping_address = graphene.Boolean()
    is_default_billing_address = graphene.Boolean()

    class Meta:
        model = AddressModel
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def get_visible_node(cls, info, pk):
        user = info.context.user
        if not user.is_authenticated:
            return None
        return user.addresses.filter(pk=pk).first()

    @staticmethod
    def resolve_country(root, info):
        return country_display(root.country or "VN")

    @staticmethod
    def resolve_metadata(root, info):
        return []

    @staticmethod
    def resolve_is_default_shipping_address(root, info):
        user = info.context.user
        return bool(user.is_authenticated and user.default_shipping_address_id == root.pk)

    @staticmethod
    def resolve_is_default_billing_address(root, info):
        user = info.context.user
        return bool(user.is_authenticated and user.default_billing_address_id == root.pk)


class User(ModelObjectType):
    email = graphene.String(required=True)
    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    is_staff = graphene.Boolean(required=True)
    is_active = graphene.Boolean(required=True)
    is_confirmed = graphene.Boolean(required=True)
    addresses = graphene.List(graphene.NonNull(Address), required=True)
    default_shipping_address = graphene.Field(Address)
    default_billing_address = graphene.Field(Address)
    checkout_ids = graphene.List(graphene.NonNull(graphene.ID), channel=graphene.String())
    language_code = graphene.Field(LanguageCodeEnum, required=True)
    last_login = graphene.DateTime()
    date_joined = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    # `orders` is added in graphql/order/schema.py (the Order type lives there).

    class Meta:
        model = UserModel
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def get_visible_node(cls, info, pk):
        from marketplace.account.selectors import staff_get
        from marketplace.core.permissions import AccountPermissions, has_permissions

        user = info.context.user
        if user.is_authenticated and user.pk == pk:
            return user
        return staff_get(user_id=pk) if has_permissions(user, AccountPermissions.MANAGE_STAFF) else None

    @staticmethod
    def resolve_is_confirmed(root, info):
        return root.is_confirmed

    @staticmethod
    def resolve_addresses(root, info):
        return list(root.addresses.all())

    @staticmethod
    def resolve_checkout_ids(root, info, channel=None):
        from marketplace.channel.selectors import channel_get_by_slug
        from marketplace.checkout.selectors import checkouts_for_user

        the_channel = channel_get_by_slug(slug=channel) if channel else None
        return [graphene.relay.Node.to_global_id("Checkout", c.pk)
                for c in checkouts_for_user(user_id=root.pk, channel_id=the_channel.pk if the_channel else None)]

    @staticmethod
    def resolve_language_code(root, info):
        return root.language_code or "vi"

"""Saleor's Address type (a warehouse's or sales point's address here; customers' addresses use it too)."""

from __future__ import annotations

import graphene

from marketplace.account.models import Address as AddressModel
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.types import CountryDisplay, ObjectWithMetadata, country_display


class Address(ModelObjectType):
    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    company_name = graphene.String(required=True)
    street_address_1 = graphene.String(required=True, name="streetAddress1")
    street_address_2 = graphene.String(required=True, name="streetAddress2")
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
        return None  # addresses are reached through their owner, never by ID alone

    @staticmethod
    def resolve_country(root, info):
        return country_display(root.country or "VN")

    @staticmethod
    def resolve_is_default_shipping_address(root, info):
        return None

    @staticmethod
    def resolve_is_default_billing_address(root, info):
        return None

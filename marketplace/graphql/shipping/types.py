"""Saleor's ShippingMethod, built from a priced shipping option (zone method + channel price)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import graphene

from marketplace.graphql.core.enums import LanguageCodeEnum
from marketplace.graphql.core.saleor_enums import saleor_enum
from marketplace.graphql.core.types import Money, ObjectWithMetadata, money
from marketplace.shipping.models import ShippingMethod as ShippingMethodModel

ShippingMethodTypeEnum = saleor_enum("ShippingMethodTypeEnum", "PRICE WEIGHT", lower=True)


@dataclass(frozen=True)
class PricedShippingMethod:
    method: ShippingMethodModel
    price: Decimal
    currency: str = "VND"
    active: bool = True

    @property
    def metadata(self) -> dict:
        return self.method.metadata

    @property
    def private_metadata(self) -> dict:
        return self.method.private_metadata


class ShippingMethodTranslation(graphene.ObjectType):
    name = graphene.String()


class ShippingMethod(graphene.ObjectType):
    type = graphene.Field(ShippingMethodTypeEnum, deprecation_reason="This field will be removed.")
    name = graphene.String(required=True)
    description = graphene.JSONString()
    maximum_delivery_days = graphene.Int()
    minimum_delivery_days = graphene.Int()
    translation = graphene.Field(ShippingMethodTranslation,
                                 language_code=graphene.Argument(LanguageCodeEnum, required=True))
    price = graphene.Field(Money, required=True)
    active = graphene.Boolean(required=True)
    message = graphene.String()

    class Meta:
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, PricedShippingMethod)

    @staticmethod
    def resolve_id(root, info):
        return root.method.pk

    @staticmethod
    def resolve_type(root, info):
        return str(root.method.type)

    @staticmethod
    def resolve_name(root, info):
        return root.method.name

    @staticmethod
    def resolve_description(root, info):
        return root.method.description

    @staticmethod
    def resolve_maximum_delivery_days(root, info):
        return root.method.maximum_delivery_days

    @staticmethod
    def resolve_minimum_delivery_days(root, info):
        return root.method.minimum_delivery_days

    @staticmethod
    def resolve_translation(root, info, language_code):
        return None

    @staticmethod
    def resolve_price(root, info):
        return money(root.price, root.currency)

    @staticmethod
    def resolve_message(root, info):
        return ""

from __future__ import annotations

import graphene
from django.conf import settings

from marketplace.graphql.core.types import CountryDisplay, LanguageDisplay, country_display, language_display


class Shop(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    description = graphene.String()
    default_country = graphene.Field(CountryDisplay)
    countries = graphene.List(graphene.NonNull(CountryDisplay), required=True)
    languages = graphene.List(graphene.NonNull(LanguageDisplay), required=True)
    phone_prefixes = graphene.List(graphene.NonNull(graphene.String), required=True)
    header_text = graphene.String()
    track_inventory_by_default = graphene.Boolean()
    channel_currencies = graphene.List(graphene.NonNull(graphene.String), required=True)
    limit_quantity_per_checkout = graphene.Int()
    schema_version = graphene.String(required=True)

    @staticmethod
    def resolve_id(root, info):
        return graphene.relay.Node.to_global_id("Shop", "1")

    @staticmethod
    def resolve_name(root, info):
        return "OCOP Market"

    @staticmethod
    def resolve_description(root, info):
        return "Chợ trực tuyến sản phẩm OCOP được chứng nhận — Mỗi xã một sản phẩm"

    @staticmethod
    def resolve_default_country(root, info):
        return country_display(settings.DEFAULT_COUNTRY)

    @staticmethod
    def resolve_countries(root, info):
        return [country_display(settings.DEFAULT_COUNTRY)]

    @staticmethod
    def resolve_languages(root, info):
        return [language_display(code) for code, _ in settings.LANGUAGES]

    @staticmethod
    def resolve_phone_prefixes(root, info):
        return ["+84"]

    @staticmethod
    def resolve_header_text(root, info):
        return "Sản phẩm OCOP 3–5 sao, chứng nhận còn hiệu lực"

    @staticmethod
    def resolve_track_inventory_by_default(root, info):
        return True

    @staticmethod
    def resolve_channel_currencies(root, info):
        return [settings.DEFAULT_CURRENCY]

    @staticmethod
    def resolve_limit_quantity_per_checkout(root, info):
        return settings.CHECKOUT_MAX_LINE_QUANTITY

    @staticmethod
    def resolve_schema_version(root, info):
        return "3.23"


class ShopQueries(graphene.ObjectType):
    shop = graphene.Field(Shop, required=True)

    @staticmethod
    def resolve_shop(root, info):
        return Shop()

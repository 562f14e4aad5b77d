"""Types shared by all apps: metadata, money, countries, languages, images, weights, errors."""

from __future__ import annotations

from decimal import Decimal

import graphene

from marketplace.core.permissions import (
    AccountPermissions,
    BasePermissionEnum,
    ChannelPermissions,
    CheckoutPermissions,
    DiscountPermissions,
    MenuPermissions,
    OcopPermissions,
    OrderPermissions,
    PagePermissions,
    PaymentPermissions,
    ProductPermissions,
    has_permissions,
)
from marketplace.graphql.core.enums import LanguageCodeEnum, WeightUnitsEnum
from marketplace.graphql.core.scalars import Metadata

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
COUNTRY_NAMES = {"VN": "Việt Nam"}


class MetadataItem(graphene.ObjectType):
    key = graphene.String(required=True)
    value = graphene.String(required=True)


def _items(data: dict | None) -> list[MetadataItem]:
    return [MetadataItem(key=k, value=str(v)) for k, v in (data or {}).items()]


# Who may read an object's private metadata: the permission that manages that kind of object, as Saleor's
# PRIVATE_META_PERMISSION_MAP. A type missing here is readable by superusers only.
PRIVATE_METADATA_PERMISSIONS: dict[str, BasePermissionEnum] = {
    "Address": AccountPermissions.MANAGE_USERS,
    "User": AccountPermissions.MANAGE_USERS,
    "Attribute": ProductPermissions.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES,
    "ProductType": ProductPermissions.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES,
    "Category": ProductPermissions.MANAGE_PRODUCTS,
    "Collection": ProductPermissions.MANAGE_PRODUCTS,
    "Product": ProductPermissions.MANAGE_PRODUCTS,
    "ProductMedia": ProductPermissions.MANAGE_PRODUCTS,
    "ProductVariant": ProductPermissions.MANAGE_PRODUCTS,
    "Warehouse": ProductPermissions.MANAGE_PRODUCTS,
    "ShippingMethod": ChannelPermissions.MANAGE_CHANNELS,
    "Channel": ChannelPermissions.MANAGE_CHANNELS,
    "Checkout": CheckoutPermissions.MANAGE_CHECKOUTS,
    "CheckoutLine": CheckoutPermissions.MANAGE_CHECKOUTS,
    "Order": OrderPermissions.MANAGE_ORDERS,
    "OrderLine": OrderPermissions.MANAGE_ORDERS,
    "TransactionItem": PaymentPermissions.HANDLE_PAYMENTS,
    "Promotion": DiscountPermissions.MANAGE_DISCOUNTS,
    "Menu": MenuPermissions.MANAGE_MENUS,
    "MenuItem": MenuPermissions.MANAGE_MENUS,
    "Page": PagePermissions.MANAGE_PAGES,
    "PageType": PagePermissions.MANAGE_PAGES,
    "FairEvent": OcopPermissions.MANAGE_FAIRS,
}


def _require_private_metadata_access(root, info) -> None:
    from marketplace.graphql.core.errors import permission_denied

    user = getattr(info.context, "user", None)
    permission = PRIVATE_METADATA_PERMISSIONS.get(info.parent_type.name)
    if info.parent_type.name == "User" and getattr(root, "is_staff", False):
        permission = AccountPermissions.MANAGE_STAFF  # as Saleor: staff accounts belong to staff management
    if permission is None:
        if not (user is not None and getattr(user, "is_superuser", False) and user.is_active):
            raise permission_denied()
    elif not has_permissions(user, permission):
        raise permission_denied([permission.name])


class ObjectWithMetadata(graphene.Interface):
    private_metadata = graphene.List(graphene.NonNull(MetadataItem), required=True)
    private_metafield = graphene.String(key=graphene.String(required=True))
    private_metafields = graphene.Field(Metadata, keys=graphene.List(graphene.NonNull(graphene.String)))
    metadata = graphene.List(graphene.NonNull(MetadataItem), required=True)
    metafield = graphene.String(key=graphene.String(required=True))
    metafields = graphene.Field(Metadata, keys=graphene.List(graphene.NonNull(graphene.String)))

    @staticmethod
    def resolve_metadata(root, info):
        return _items(getattr(root, "metadata", None))

    @staticmethod
    def resolve_metafield(root, info, key):
        return (getattr(root, "metadata", None) or {}).get(key)

    @staticmethod
    def resolve_metafields(root, info, keys=None):
        data = getattr(root, "metadata", None) or {}
        return {k: v for k, v in data.items() if keys is None or k in keys}

    @staticmethod
    def resolve_private_metadata(root, info):
        _require_private_metadata_access(root, info)
        return _items(getattr(root, "private_metadata", None))

    @staticmethod
    def resolve_private_metafield(root, info, key):
        _require_private_metadata_access(root, info)
        return (getattr(root, "private_metadata", None) or {}).get(key)

    @staticmethod
    def resolve_private_metafields(root, info, keys=None):
        _require_private_metadata_access(root, info)
        data = getattr(root, "private_metadata", None) or {}
        return {k: v for k, v in data.items() if keys is None or k in keys}


class Money(graphene.ObjectType):
    currency = graphene.String(required=True)
    amount = graphene.Float(required=True)
    fractional_amount = graphene.Int(required=True)
    fraction_digits = graphene.Int(required=True)

    @staticmethod
    def resolve_fractional_amount(root, info):
        return int(root.amount)  # VND has no minor unit

    @staticmethod
    def resolve_fraction_digits(root, info):
        return 0


class TaxedMoney(graphene.ObjectType):
    currency = graphene.String(required=True)
    gross = graphene.Field(Money, required=True)
    net = graphene.Field(Money, required=True)
    tax = graphene.Field(Money, required=True)


class MoneyRange(graphene.ObjectType):
    start = graphene.Field(Money)
    stop = graphene.Field(Money)


class TaxedMoneyRange(graphene.ObjectType):
    start = graphene.Field(TaxedMoney)
    stop = graphene.Field(TaxedMoney)


def money(amount: Decimal | int | float | None, currency: str = "VND") -> Money | None:
    if amount is None:
        return None
    return Money(currency=currency, amount=float(amount))


def taxed_money(amount: Decimal | int | float | None, currency: str = "VND") -> TaxedMoney | None:
    """Prices in the catalog include VAT as entered; net = gross and tax = 0 until tax rules are added."""
    if amount is None:
        return None
    return TaxedMoney(currency=currency, gross=money(amount, currency), net=money(amount, currency),
                      tax=money(0, currency))


class CountryDisplay(graphene.ObjectType):
    code = graphene.String(required=True)
    country = graphene.String(required=True)


def country_display(code: str) -> CountryDisplay:
    return CountryDisplay(code=code, country=COUNTRY_NAMES.get(code, code))


class LanguageDisplay(graphene.ObjectType):
    code = graphene.Field(LanguageCodeEnum, required=True)
    language = graphene.String(required=True)


def language_display(code: str) -> LanguageDisplay:
    return LanguageDisplay(code=code, language=LANGUAGE_NAMES.get(code, code))


class Image(graphene.ObjectType):
    url = graphene.String(required=True)
    alt = graphene.String()


class Weight(graphene.ObjectType):
    unit = graphene.Field(WeightUnitsEnum, required=True)
    value = graphene.Float(required=True)


def weight_grams(value: int | None) -> Weight | None:
    return Weight(unit=WeightUnitsEnum.G, value=float(value)) if value else None


def absolute_media_url(info, path: str) -> str:
    request = info.context
    return request.build_absolute_uri(path) if hasattr(request, "build_absolute_uri") else path


def is_staff_with(info, *perms) -> bool:
    return has_permissions(getattr(info.context, "user", None), *perms)


class MetadataInput(graphene.InputObjectType):
    key = graphene.String(required=True)
    value = graphene.String(required=True)

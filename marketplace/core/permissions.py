"""Permission codes, named as Saleor's (plus OCOP ones). Stored as Django permissions on account.User."""

from __future__ import annotations

from enum import Enum


class BasePermissionEnum(str, Enum):
    @property
    def codename(self) -> str:
        return self.value.split(".")[1]


class AccountPermissions(BasePermissionEnum):
    MANAGE_USERS = "account.manage_users"
    MANAGE_STAFF = "account.manage_staff"


class ProductPermissions(BasePermissionEnum):
    MANAGE_PRODUCTS = "account.manage_products"
    MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES = "account.manage_product_types_and_attributes"


class ChannelPermissions(BasePermissionEnum):
    MANAGE_CHANNELS = "account.manage_channels"


class OrderPermissions(BasePermissionEnum):
    MANAGE_ORDERS = "account.manage_orders"


class CheckoutPermissions(BasePermissionEnum):
    MANAGE_CHECKOUTS = "account.manage_checkouts"


class PaymentPermissions(BasePermissionEnum):
    HANDLE_PAYMENTS = "account.handle_payments"


class DiscountPermissions(BasePermissionEnum):
    MANAGE_DISCOUNTS = "account.manage_discounts"


class MenuPermissions(BasePermissionEnum):
    MANAGE_MENUS = "account.manage_menus"


class PagePermissions(BasePermissionEnum):
    MANAGE_PAGES = "account.manage_pages"


class ShippingPermissions(BasePermissionEnum):
    MANAGE_SHIPPING = "account.manage_shipping"


class SettingsPermissions(BasePermissionEnum):
    MANAGE_SETTINGS = "account.manage_settings"


class OcopPermissions(BasePermissionEnum):
    MANAGE_SALES_POINTS = "account.manage_sales_points"
    OPERATE_SALES_POINTS = "account.operate_sales_points"
    MANAGE_FAIRS = "account.manage_fairs"
    MANAGE_REGISTRY_SYNC = "account.manage_registry_sync"


ALL_PERMISSIONS: list[BasePermissionEnum] = [
    *AccountPermissions,
    *ProductPermissions,
    *ChannelPermissions,
    *OrderPermissions,
    *CheckoutPermissions,
    *PaymentPermissions,
    *DiscountPermissions,
    *MenuPermissions,
    *PagePermissions,
    *OcopPermissions,
    *ShippingPermissions,
    *SettingsPermissions,
]

# Roles are groups of permissions; object scope (an operator's own sales points) is checked by services.
ROLE_PERMISSIONS: dict[str, list[BasePermissionEnum]] = {
    "sales_point_operator": [OcopPermissions.OPERATE_SALES_POINTS],
    "promotion_staff": [
        OcopPermissions.MANAGE_FAIRS,
        DiscountPermissions.MANAGE_DISCOUNTS,
        OcopPermissions.MANAGE_SALES_POINTS,
        OcopPermissions.OPERATE_SALES_POINTS,
    ],
    "admin": list(ALL_PERMISSIONS),
    "catalogue_manager": [
        ProductPermissions.MANAGE_PRODUCTS,
        ProductPermissions.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES,
        PagePermissions.MANAGE_PAGES,
        MenuPermissions.MANAGE_MENUS,
    ],
    "order_manager": [
        OrderPermissions.MANAGE_ORDERS,
        PaymentPermissions.HANDLE_PAYMENTS,
        ShippingPermissions.MANAGE_SHIPPING,
    ],
}

# The default permission groups staff see (and the demo seeds), by role.
ROLE_GROUP_NAMES: dict[str, str] = {
    "admin": "Quản trị",
    "sales_point_operator": "Vận hành điểm bán",
    "promotion_staff": "Xúc tiến thương mại",
    "catalogue_manager": "Quản lý sản phẩm",
    "order_manager": "Quản lý đơn hàng",
}

# Saleor's PermissionEnum has only these; the OCOP ones travel in OCOP fields of the API.
SALEOR_PERMISSIONS: list[BasePermissionEnum] = [p for p in ALL_PERMISSIONS if not isinstance(p, OcopPermissions)]


def permission_by_name(name: str) -> BasePermissionEnum | None:
    """MANAGE_STAFF -> AccountPermissions.MANAGE_STAFF (None for an unknown name)."""
    return next((p for p in ALL_PERMISSIONS if p.name == name), None)


def permission_by_codename(codename: str) -> BasePermissionEnum | None:
    return next((p for p in ALL_PERMISSIONS if p.codename == codename), None)


def has_permissions(user: object, *perms: BasePermissionEnum) -> bool:
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return False
    return all(user.has_perm(p.value) for p in perms)  # type: ignore[attr-defined]

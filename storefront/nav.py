"""The staff navigation: one list of (label, URL name, who may open it). The console layout shows each person
only what they may open, and sign-in sends them to the first entry marked as a home they may open.

Other consoles add a row here. An entry whose URL name does not exist (a page not built yet) is left out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from marketplace.core.permissions import (
    AccountPermissions,
    BasePermissionEnum,
    OcopPermissions,
    OrderPermissions,
    ProductPermissions,
    ShippingPermissions,
    has_permissions,
)
from marketplace.salespoint.scope import user_is_sales_staff


def _holds(*perms: BasePermissionEnum) -> Callable[[object], bool]:
    return lambda user: has_permissions(user, *perms)


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str
    url_name: str
    may_open: Callable[[object], bool]
    home_rank: int | None = None  # lower wins when choosing where someone lands after sign-in


NAV: list[NavEntry] = [
    NavEntry("dashboard", _("Tổng quan"), "storefront:console:dashboard", _holds(AccountPermissions.MANAGE_STAFF), 1),
    NavEntry("index", _("Điểm bán"), "storefront:console:index", user_is_sales_staff, 3),
    NavEntry("alerts", _("Cảnh báo"), "storefront:console:alerts", user_is_sales_staff),
    NavEntry("fairs", _("Hội chợ"), "storefront:staff_fair_list", _holds(OcopPermissions.MANAGE_FAIRS), 2),
    NavEntry("products", _("Sản phẩm"), "storefront:console:products", _holds(ProductPermissions.MANAGE_PRODUCTS), 4),
    NavEntry("orders", _("Đơn hàng"), "storefront:console:orders", _holds(OrderPermissions.MANAGE_ORDERS), 5),
    NavEntry("shipping", _("Vận chuyển"), "storefront:console:shipping_zones",
             _holds(ShippingPermissions.MANAGE_SHIPPING), 6),
    NavEntry("staff", _("Nhân viên"), "storefront:console:staff_list", _holds(AccountPermissions.MANAGE_STAFF)),
    NavEntry("groups", _("Nhóm quyền"), "storefront:console:group_list", _holds(AccountPermissions.MANAGE_STAFF)),
]


@dataclass(frozen=True)
class NavLink:
    key: str
    label: str
    url: str


def _url(entry: NavEntry) -> str | None:
    try:
        return reverse(entry.url_name)
    except NoReverseMatch:
        return None


def nav_links_for(user: object) -> list[NavLink]:
    links = []
    for entry in NAV:
        url = _url(entry)
        if url is not None and entry.may_open(user):
            links.append(NavLink(entry.key, str(entry.label), url))
    return links


def staff_home_url(user: object) -> str | None:
    """Where this person works: the first page by rank they may open (None: no staff page at all)."""
    for entry in sorted((e for e in NAV if e.home_rank is not None), key=lambda e: e.home_rank):
        url = _url(entry)
        if url is not None and entry.may_open(user):
            return url
    return None

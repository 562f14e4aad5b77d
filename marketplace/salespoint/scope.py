"""Who may act on which sales point. Promotion staff (MANAGE_SALES_POINTS) and admins act on every point; an
operator only on the points assigned to them (being assigned is what makes someone an operator: no permission to
forget); everyone else on none. Services call
`salespoint_check_operator` before changing anything; selectors use `warehouse_ids_in_scope` to filter."""

from __future__ import annotations

from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.permissions import OcopPermissions, has_permissions
from marketplace.salespoint.error_codes import SalesPointErrorCode
from marketplace.salespoint.models import SalesPoint


def user_manages_all_points(user: object) -> bool:
    return bool(getattr(user, "is_superuser", False) and getattr(user, "is_active", False)) or has_permissions(
        user, OcopPermissions.MANAGE_SALES_POINTS)


def _assigned_warehouse_ids(user: object) -> list[int]:
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return []
    return list(SalesPoint.objects.filter(operators=user).values_list("warehouse_id", flat=True))


def user_is_sales_staff(user: object) -> bool:
    """Has some sales-point role: manages every point, holds the operator role, or is assigned to a point."""
    return (user_manages_all_points(user) or has_permissions(user, OcopPermissions.OPERATE_SALES_POINTS)
            or bool(_assigned_warehouse_ids(user)))


def user_operates_some_point(user: object) -> bool:
    """Assigned to at least one sales point (an operator's console is their points)."""
    return bool(_assigned_warehouse_ids(user))


def warehouse_ids_in_scope(*, user: object) -> list[int] | None:
    """The warehouses this user may act on: None means all of them, [] none."""
    if user_manages_all_points(user):
        return None
    return _assigned_warehouse_ids(user)


def user_operates(*, user: object, warehouse_id: int) -> bool:
    scope = warehouse_ids_in_scope(user=user)
    return scope is None or warehouse_id in scope


def salespoint_check_operator(*, user: object, warehouse_id: int) -> None:
    """Raise unless `user` may act on this warehouse: PERMISSION_DENIED without a sales-point role,
    OUT_OF_SCOPE for an operator of other points."""
    if not user_is_sales_staff(user):
        raise DomainError(_("Bạn không có quyền thao tác tại điểm bán."), code=SalesPointErrorCode.PERMISSION_DENIED)
    if not user_operates(user=user, warehouse_id=warehouse_id):
        raise DomainError(_("Bạn chỉ được thao tác tại điểm bán được phân công cho mình."),
                          code=SalesPointErrorCode.OUT_OF_SCOPE, field="warehouse")

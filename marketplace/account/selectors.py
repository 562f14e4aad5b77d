from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db.models import Q, QuerySet

from marketplace.account.models import User
from marketplace.core.permissions import ALL_PERMISSIONS, BasePermissionEnum

DEMO_EMAILS = ("admin@example.com", "operator@example.com", "promo@example.com")


def users_with_demo_password() -> list[str]:
    users = User.objects.filter(email__in=DEMO_EMAILS, is_active=True)
    return [u.email for u in users if u.check_password(settings.DEMO_PASSWORD)]


def user_get_by_email(*, email: str) -> User | None:
    return User.objects.filter(email__iexact=email.strip()).first()


def user_permission_names(*, user) -> set[str]:
    """The Saleor-style names (MANAGE_STAFF, …) this user holds, read fresh (not from the per-object cache)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    if user.is_superuser:
        return {p.name for p in ALL_PERMISSIONS}
    codenames = set(Permission.objects.filter(content_type__app_label="account").filter(
        Q(group__user=user) | Q(user=user)).values_list("codename", flat=True))
    return {p.name for p in ALL_PERMISSIONS if p.codename in codenames}


def group_permission_names(*, group: Group) -> set[str]:
    codenames = set(group.permissions.filter(content_type__app_label="account").values_list("codename", flat=True))
    return {p.name for p in ALL_PERMISSIONS if p.codename in codenames}


def user_can_manage_group(*, user, group: Group) -> bool:
    """Saleor's rule: only someone holding every permission of a group may edit it or hand it out."""
    return group_permission_names(group=group) <= user_permission_names(user=user)


def user_can_manage_user(*, user, target: User) -> bool:
    return target.pk == getattr(user, "pk", None) or (
        user_permission_names(user=target) <= user_permission_names(user=user)
        and (not target.is_superuser or bool(getattr(user, "is_superuser", False))))


def users_with_permission(*, permission: BasePermissionEnum) -> QuerySet[User]:
    """Active users holding `permission` (superusers hold every one)."""
    holds = Q(groups__permissions__codename=permission.codename,
              groups__permissions__content_type__app_label="account") | Q(
        user_permissions__codename=permission.codename, user_permissions__content_type__app_label="account")
    return User.objects.filter(is_active=True).filter(Q(is_superuser=True) | holds).distinct()


def staff_list(*, search: str = "", status: str | None = None, ids: list[int] | None = None) -> QuerySet[User]:
    """Staff members for the console and `staffUsers` (status: "active" / "deactivated")."""
    qs = User.objects.filter(is_staff=True).prefetch_related("groups").order_by("email")
    if search:
        qs = qs.filter(Q(email__icontains=search) | Q(first_name__icontains=search)
                       | Q(last_name__icontains=search))
    if status == "active":
        qs = qs.filter(is_active=True)
    elif status == "deactivated":
        qs = qs.filter(is_active=False)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs


def staff_get(*, user_id: int) -> User | None:
    return User.objects.filter(pk=user_id, is_staff=True).prefetch_related("groups").first()


def permission_group_list(*, search: str = "", ids: list[int] | None = None) -> QuerySet[Group]:
    qs = Group.objects.prefetch_related("permissions").order_by("name")
    if search:
        qs = qs.filter(name__icontains=search)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs


def permission_group_get(*, group_id: int) -> Group | None:
    return Group.objects.filter(pk=group_id).prefetch_related("permissions").first()


def group_members(*, group: Group) -> QuerySet[User]:
    return User.objects.filter(groups=group).order_by("email")


def user_is_unconfirmed(*, email: str, password: str) -> bool:
    """Right password, but the registration email's link not opened yet (the sign-in page says so)."""
    user = User.objects.filter(email__iexact=(email or "").strip(), is_active=True, is_confirmed=False).first()
    return user is not None and user.check_password(password)

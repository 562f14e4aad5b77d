"""Writes for accounts: users and roles (shopper registration: accounts.py)."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from marketplace.account.models import User
from marketplace.core.permissions import ROLE_GROUP_NAMES, ROLE_PERMISSIONS


@transaction.atomic
def role_groups_ensure() -> dict[str, Group]:
    """Create the default groups with their permissions, by role; an existing group keeps what staff gave it."""
    groups = {}
    for role, perms in ROLE_PERMISSIONS.items():
        group, created = Group.objects.get_or_create(name=ROLE_GROUP_NAMES.get(role, role))
        if created or not group.permissions.exists():
            group.permissions.set(Permission.objects.filter(content_type__app_label="account",
                                                            codename__in=[p.codename for p in perms]))
        groups[role] = group
    return groups


@transaction.atomic
def user_create(
    *, email: str, password: str | None, first_name: str = "", last_name: str = "", is_staff: bool = False,
    is_superuser: bool = False, roles: list[str] | None = None,
) -> User:
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=password, first_name=first_name,
                                        last_name=last_name, is_staff=is_staff, is_superuser=is_superuser)
    if roles:
        groups = role_groups_ensure()
        user.groups.add(*(groups[r] for r in roles))
    return user

"""Writes for accounts: users, roles."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from marketplace.account.models import User
from marketplace.core.permissions import ROLE_PERMISSIONS


@transaction.atomic
def role_groups_ensure() -> dict[str, Group]:
    """Create the role groups with their permissions; running it again changes nothing."""
    groups = {}
    for role, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="account", codename__in=[p.codename for p in perms])
        )
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

"""Writes for accounts: users, roles, shopper registration."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.account.error_codes import AccountErrorCode
from marketplace.account.models import User
from marketplace.account.passwords import password_validate
from marketplace.core.errors import DomainError
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


@transaction.atomic
def user_register(*, email: str, password: str, first_name: str = "", last_name: str = "",
                  language_code: str = "vi") -> User:
    """A shopper's account. No confirmation e-mail yet: the account is active at once."""
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise DomainError(_("Email không hợp lệ."), code=AccountErrorCode.INVALID, field="email")
    if User.objects.filter(email__iexact=email).exists():
        raise DomainError(_("Email này đã có tài khoản."), code=AccountErrorCode.UNIQUE, field="email")
    password_validate(password=password, user=User(email=email, first_name=first_name, last_name=last_name))
    return User.objects.create_user(email=email, password=password, first_name=first_name.strip(),
                                    last_name=last_name.strip(), language_code=language_code)

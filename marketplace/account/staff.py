"""Writes for staff members: create (with a set-password email), update, deactivate, delete.

Saleor's rules: a staff manager hands out only groups whose permissions they hold themselves, edits only people
whose permissions they hold, and nobody may leave the shop without an active person who can manage staff."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.account.error_codes import AccountErrorCode
from marketplace.account.locks import user_qs_select_for_update
from marketplace.account.models import User
from marketplace.account.password_reset import password_email_send_on_commit, redirect_url_validate
from marketplace.account.selectors import user_can_manage_group, user_can_manage_user, users_with_permission
from marketplace.account.tokens import tokens_revoke_all
from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.core.permissions import AccountPermissions, has_permissions


def _snapshot(user: User) -> dict:
    return {"email": user.email, "first_name": user.first_name, "last_name": user.last_name,
            "is_active": user.is_active, "groups": sorted(user.groups.values_list("name", flat=True))}


def staff_check_manager(*, actor) -> None:
    if actor is not None and not has_permissions(actor, AccountPermissions.MANAGE_STAFF):
        raise DomainError(_("Bạn không có quyền quản lý nhân viên."), code=AccountErrorCode.OUT_OF_SCOPE_PERMISSION)


def _groups(*, actor, group_ids: list[int], field: str) -> list[Group]:
    ids = [int(g) for g in group_ids]
    if len(ids) != len(set(ids)):
        raise DomainError(_("Nhóm quyền bị lặp."), code=AccountErrorCode.DUPLICATED_INPUT_ITEM, field=field)
    groups = list(Group.objects.filter(pk__in=ids))
    if len(groups) != len(ids):
        raise DomainError(_("Không tìm thấy nhóm quyền."), code=AccountErrorCode.NOT_FOUND, field=field)
    if actor is not None:
        outside = [g.name for g in groups if not user_can_manage_group(user=actor, group=g)]
        if outside:
            raise DomainError(_("Bạn không thể giao nhóm quyền có quyền mà bạn không có: %(groups)s.")
                              % {"groups": ", ".join(outside)}, code=AccountErrorCode.OUT_OF_SCOPE_GROUP,
                              field=field, groups=[g.pk for g in groups if g.name in outside])
    return groups


def staff_managers_remain_check() -> None:
    """Called inside the transaction after a change: refuse it if nobody active could manage staff any more."""
    if not users_with_permission(permission=AccountPermissions.MANAGE_STAFF).exists():
        raise DomainError(_("Không thể thực hiện: sẽ không còn quản trị viên nào đang hoạt động."),
                          code=AccountErrorCode.LEFT_NOT_MANAGEABLE_PERMISSION)


def _email_clean(email: str, *, exclude_pk: int | None = None) -> str:
    email = (email or "").strip().lower()
    if not email:
        raise DomainError(_("Cần nhập email."), code=AccountErrorCode.REQUIRED, field="email")
    try:
        validate_email(email)
    except ValidationError:
        raise DomainError(_("Email không hợp lệ."), code=AccountErrorCode.INVALID, field="email")
    if User.objects.filter(email__iexact=email).exclude(pk=exclude_pk).exists():
        raise DomainError(_("Email này đã có tài khoản."), code=AccountErrorCode.UNIQUE, field="email")
    return email


def staff_create(*, actor, email: str, first_name: str = "", last_name: str = "", is_active: bool = True,
                 group_ids: list[int] | None = None, redirect_url: str | None = None) -> User:
    """A staff member with no password yet: they receive a link to set one."""
    staff_check_manager(actor=actor)
    target = redirect_url_validate(url=redirect_url)
    with transaction.atomic():
        email = _email_clean(email)
        groups = _groups(actor=actor, group_ids=group_ids or [], field="addGroups")
        user = User.objects.create_user(email=email, password=None, first_name=(first_name or "").strip(),
                                        last_name=(last_name or "").strip(), is_staff=True, is_active=is_active)
        user.groups.set(groups)
        log_action(action="staff.create", obj=user, actor=actor, after=_snapshot(user))
        if is_active:
            password_email_send_on_commit(user=user, template="set_password", redirect_url=target)
    return user


def staff_update(*, actor, user_id: int, email: str | None = None, first_name: str | None = None,
                 last_name: str | None = None, is_active: bool | None = None,
                 add_group_ids: list[int] | None = None, remove_group_ids: list[int] | None = None) -> User:
    staff_check_manager(actor=actor)
    with transaction.atomic():
        user = user_qs_select_for_update().filter(pk=user_id, is_staff=True).first()
        if user is None:
            raise DomainError(_("Không tìm thấy nhân viên."), code=AccountErrorCode.NOT_FOUND, field="id")
        if actor is not None and not user_can_manage_user(user=actor, target=user):
            raise DomainError(_("Nhân viên này có quyền mà bạn không có."), code=AccountErrorCode.OUT_OF_SCOPE_USER,
                              field="id")
        if is_active is False and actor is not None and user.pk == actor.pk:
            raise DomainError(_("Bạn không thể tự khóa tài khoản của mình."),
                              code=AccountErrorCode.DEACTIVATE_OWN_ACCOUNT, field="isActive")
        added = _groups(actor=actor, group_ids=add_group_ids or [], field="addGroups")
        removed = _groups(actor=actor, group_ids=remove_group_ids or [], field="removeGroups")
        if {g.pk for g in added} & {g.pk for g in removed}:
            raise DomainError(_("Một nhóm vừa được thêm vừa bị bỏ."), code=AccountErrorCode.DUPLICATED_INPUT_ITEM,
                              field="addGroups")
        before = _snapshot(user)
        if email is not None:
            user.email = _email_clean(email, exclude_pk=user.pk)
        if first_name is not None:
            user.first_name = first_name.strip()
        if last_name is not None:
            user.last_name = last_name.strip()
        if is_active is not None:
            user.is_active = is_active
        user.save()
        user.groups.add(*added)
        user.groups.remove(*removed)
        staff_managers_remain_check()
        after = _snapshot(user)
        if after != before:
            log_action(action="staff.update", obj=user, actor=actor, before=before, after=after)
        if before["is_active"] and not user.is_active:
            tokens_revoke_all(user=user)
    return user


def staff_delete(*, actor, user_id: int) -> User:
    """Remove a staff account (its orders and audit entries stay, without it)."""
    staff_check_manager(actor=actor)
    with transaction.atomic():
        user = user_qs_select_for_update().filter(pk=user_id).first()
        if user is None:
            raise DomainError(_("Không tìm thấy nhân viên."), code=AccountErrorCode.NOT_FOUND, field="id")
        if not user.is_staff:
            raise DomainError(_("Đây không phải tài khoản nhân viên."), code=AccountErrorCode.DELETE_NON_STAFF_USER,
                              field="id")
        if actor is not None and user.pk == actor.pk:
            raise DomainError(_("Bạn không thể tự xóa tài khoản của mình."), code=AccountErrorCode.DELETE_OWN_ACCOUNT,
                              field="id")
        if actor is not None and not user_can_manage_user(user=actor, target=user):
            raise DomainError(_("Nhân viên này có quyền mà bạn không có."), code=AccountErrorCode.OUT_OF_SCOPE_USER,
                              field="id")
        log_action(action="staff.delete", obj=user, actor=actor, before=_snapshot(user))
        pk = user.pk
        user.delete()
        staff_managers_remain_check()
        user.pk = pk
    return user


def staff_groups_set(*, actor, user_id: int, group_ids: list[int]) -> User:
    """Put a staff member in exactly these groups (the console's checkboxes), under staff_update's rules."""
    current = set(User.objects.get(pk=user_id).groups.values_list("pk", flat=True))
    wanted = {int(g) for g in group_ids}
    return staff_update(actor=actor, user_id=user_id, add_group_ids=sorted(wanted - current),
                        remove_group_ids=sorted(current - wanted))

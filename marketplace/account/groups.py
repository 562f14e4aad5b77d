"""Writes for permission groups (Saleor's permissionGroupCreate/Update/Delete): nobody grants a permission they do
not hold, edits a group holding one they lack, or leaves the shop without an active staff manager."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.account.error_codes import PermissionGroupErrorCode
from marketplace.account.models import User
from marketplace.account.selectors import (
    group_permission_names,
    user_can_manage_group,
    user_can_manage_user,
    user_permission_names,
    users_with_permission,
)
from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.core.permissions import AccountPermissions, has_permissions, permission_by_name


def _snapshot(group: Group) -> dict:
    return {"name": group.name, "permissions": sorted(group_permission_names(group=group)),
            "users": sorted(group.user_set.values_list("email", flat=True))}


def _check_manager(actor) -> None:
    if actor is not None and not has_permissions(actor, AccountPermissions.MANAGE_STAFF):
        raise DomainError(_("Bạn không có quyền quản lý nhóm quyền."),
                          code=PermissionGroupErrorCode.OUT_OF_SCOPE_PERMISSION)


def _permissions(*, actor, names: list[str], field: str) -> list[Permission]:
    if len(names) != len(set(names)):
        raise DomainError(_("Quyền bị lặp."), code=PermissionGroupErrorCode.DUPLICATED_INPUT_ITEM, field=field)
    perms = [permission_by_name(n) for n in names]
    if None in perms:
        raise DomainError(_("Quyền không tồn tại."), code=PermissionGroupErrorCode.REQUIRED, field=field)
    if actor is not None:
        outside = sorted(set(names) - user_permission_names(user=actor))
        if outside:
            raise DomainError(_("Bạn không thể giao quyền mà bạn không có: %(perms)s.") % {"perms": ", ".join(outside)},
                              code=PermissionGroupErrorCode.OUT_OF_SCOPE_PERMISSION, field=field, permissions=outside)
    return list(Permission.objects.filter(content_type__app_label="account",
                                          codename__in=[p.codename for p in perms if p]))


def _users(*, actor, user_ids: list[int], field: str) -> list[User]:
    ids = [int(u) for u in user_ids]
    if len(ids) != len(set(ids)):
        raise DomainError(_("Người dùng bị lặp."), code=PermissionGroupErrorCode.DUPLICATED_INPUT_ITEM, field=field)
    users = list(User.objects.filter(pk__in=ids))
    not_staff = [u.pk for u in users if not u.is_staff] + sorted(set(ids) - {u.pk for u in users})
    if not_staff:
        raise DomainError(_("Chỉ nhân viên mới được vào nhóm quyền."),
                          code=PermissionGroupErrorCode.ASSIGN_NON_STAFF_MEMBER, field=field, users=not_staff)
    if actor is not None:
        outside = [u.pk for u in users if not user_can_manage_user(user=actor, target=u)]
        if outside:
            raise DomainError(_("Có nhân viên có quyền mà bạn không có."),
                              code=PermissionGroupErrorCode.OUT_OF_SCOPE_USER, field=field, users=outside)
    return users


def _name_clean(name: str | None, *, exclude_pk: int | None = None) -> str:
    name = (name or "").strip()
    if not name:
        raise DomainError(_("Cần nhập tên nhóm."), code=PermissionGroupErrorCode.REQUIRED, field="name")
    if Group.objects.filter(name__iexact=name).exclude(pk=exclude_pk).exists():
        raise DomainError(_("Đã có nhóm quyền tên này."), code=PermissionGroupErrorCode.UNIQUE, field="name")
    return name


def _managers_remain_check() -> None:
    if not users_with_permission(permission=AccountPermissions.MANAGE_STAFF).exists():
        raise DomainError(_("Không thể thực hiện: sẽ không còn quản trị viên nào đang hoạt động."),
                          code=PermissionGroupErrorCode.LEFT_NOT_MANAGEABLE_PERMISSION)


@transaction.atomic
def permission_group_create(*, actor, name: str, add_permissions: list[str] | None = None,
                            add_user_ids: list[int] | None = None) -> Group:
    _check_manager(actor)
    name = _name_clean(name)
    perms = _permissions(actor=actor, names=list(add_permissions or []), field="addPermissions")
    users = _users(actor=actor, user_ids=list(add_user_ids or []), field="addUsers")
    group = Group.objects.create(name=name)
    group.permissions.set(perms)
    group.user_set.set(users)
    log_action(action="permission_group.create", obj=group, actor=actor, after=_snapshot(group))
    return group


def _group_for_edit(*, actor, group_id: int) -> Group:
    group = Group.objects.select_for_update().filter(pk=group_id).first()
    if group is None:
        raise DomainError(_("Không tìm thấy nhóm quyền."), code=PermissionGroupErrorCode.REQUIRED, field="id")
    if actor is not None and not user_can_manage_group(user=actor, group=group):
        raise DomainError(_("Nhóm này có quyền mà bạn không có."),
                          code=PermissionGroupErrorCode.OUT_OF_SCOPE_PERMISSION, field="id")
    return group


@transaction.atomic
def permission_group_update(*, actor, group_id: int, name: str | None = None,
                            add_permissions: list[str] | None = None, remove_permissions: list[str] | None = None,
                            add_user_ids: list[int] | None = None, remove_user_ids: list[int] | None = None) -> Group:
    _check_manager(actor)
    group = _group_for_edit(actor=actor, group_id=group_id)
    added_perms = _permissions(actor=actor, names=list(add_permissions or []), field="addPermissions")
    removed_perms = _permissions(actor=actor, names=list(remove_permissions or []), field="removePermissions")
    if set(add_permissions or []) & set(remove_permissions or []):
        raise DomainError(_("Một quyền vừa được thêm vừa bị bỏ."),
                          code=PermissionGroupErrorCode.DUPLICATED_INPUT_ITEM, field="addPermissions")
    added_users = _users(actor=actor, user_ids=list(add_user_ids or []), field="addUsers")
    removed_users = _users(actor=actor, user_ids=list(remove_user_ids or []), field="removeUsers")
    if {u.pk for u in added_users} & {u.pk for u in removed_users}:
        raise DomainError(_("Một người vừa được thêm vừa bị bỏ."),
                          code=PermissionGroupErrorCode.DUPLICATED_INPUT_ITEM, field="addUsers")
    before = _snapshot(group)
    if name is not None:
        group.name = _name_clean(name, exclude_pk=group.pk)
        group.save(update_fields=["name"])
    group.permissions.add(*added_perms)
    group.permissions.remove(*removed_perms)
    group.user_set.add(*added_users)
    group.user_set.remove(*removed_users)
    _managers_remain_check()
    after = _snapshot(group)
    if after != before:
        log_action(action="permission_group.update", obj=group, actor=actor, before=before, after=after)
    return group


@transaction.atomic
def permission_group_delete(*, actor, group_id: int) -> Group:
    _check_manager(actor)
    group = _group_for_edit(actor=actor, group_id=group_id)
    log_action(action="permission_group.delete", obj=group, actor=actor, before=_snapshot(group))
    pk = group.pk
    group.delete()
    _managers_remain_check()
    group.pk = pk
    return group


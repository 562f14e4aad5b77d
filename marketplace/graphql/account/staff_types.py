"""Saleor's Group, Permission, UserPermission and the staff/permission-group errors and inputs. OCOP's own
permissions (sales points, fairs, registry) are not in Saleor's PermissionEnum: they travel in `ocopPermissions`
fields and `addOcopPermissions`/`removeOcopPermissions` inputs."""

from __future__ import annotations

import graphene
from django.contrib.auth.models import Group as GroupModel

from marketplace.account.selectors import (
    group_members,
    group_permission_names,
    permission_group_list,
    user_can_manage_group,
    user_permission_names,
)
from marketplace.core.permissions import (
    SALEOR_PERMISSIONS,
    AccountPermissions,
    OcopPermissions,
    has_permissions,
)
from marketplace.graphql.account.types import User
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.saleor_enums import AccountErrorCode, AddressTypeEnum, saleor_enum

PermissionEnum = saleor_enum("PermissionEnum", " ".join(p.name for p in SALEOR_PERMISSIONS))
OcopPermissionEnum = saleor_enum("OcopPermissionEnum", " ".join(p.name for p in OcopPermissions))
PermissionGroupErrorCode = saleor_enum("PermissionGroupErrorCode", """
    REQUIRED UNIQUE ASSIGN_NON_STAFF_MEMBER DUPLICATED_INPUT_ITEM CANNOT_REMOVE_FROM_LAST_GROUP
    LEFT_NOT_MANAGEABLE_PERMISSION OUT_OF_SCOPE_PERMISSION OUT_OF_SCOPE_USER OUT_OF_SCOPE_CHANNEL""")
StaffMemberStatus = saleor_enum("StaffMemberStatus", "ACTIVE DEACTIVATED")
SALEOR_NAMES = {p.name for p in SALEOR_PERMISSIONS}


def permission_label(name: str) -> str:
    return name.replace("_", " ").capitalize()


class Permission(graphene.ObjectType):
    code = graphene.Field(PermissionEnum, required=True)
    name = graphene.String(required=True)


def permissions_of(names: set[str]) -> list[Permission]:
    return [Permission(code=n, name=permission_label(n)) for n in sorted(names & SALEOR_NAMES)]


class Group(ModelObjectType):
    name = graphene.String(required=True)
    users = graphene.List(graphene.NonNull(User))
    permissions = graphene.List(graphene.NonNull(Permission))
    user_can_manage = graphene.Boolean(required=True)
    ocop_permissions = graphene.List(graphene.NonNull(OcopPermissionEnum), required=True,
                                     description="OCOP permissions of the group (sales points, fairs, registry).")

    class Meta:
        model = GroupModel
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        if not has_permissions(info.context.user, AccountPermissions.MANAGE_STAFF):
            return None
        return GroupModel.objects.filter(pk=pk).first()

    @staticmethod
    def resolve_users(root, info):
        return list(group_members(group=root))

    @staticmethod
    def resolve_permissions(root, info):
        return permissions_of(group_permission_names(group=root))

    @staticmethod
    def resolve_user_can_manage(root, info):
        return user_can_manage_group(user=info.context.user, group=root)

    @staticmethod
    def resolve_ocop_permissions(root, info):
        return sorted(n for n in group_permission_names(group=root) if n not in SALEOR_NAMES)


class UserPermission(graphene.ObjectType):
    code = graphene.Field(PermissionEnum, required=True)
    name = graphene.String(required=True)


class StaffError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(AccountErrorCode, required=True)
    address_type = graphene.Field(AddressTypeEnum)
    permissions = graphene.List(graphene.NonNull(PermissionEnum))
    groups = graphene.List(graphene.NonNull(graphene.ID))
    users = graphene.List(graphene.NonNull(graphene.ID))


class PermissionGroupError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(PermissionGroupErrorCode, required=True)
    permissions = graphene.List(graphene.NonNull(PermissionEnum))
    users = graphene.List(graphene.NonNull(graphene.ID))


class StaffUserInput(graphene.InputObjectType):
    status = graphene.Field(StaffMemberStatus)
    search = graphene.String()
    ids = graphene.List(graphene.NonNull(graphene.ID))


class PermissionGroupFilterInput(graphene.InputObjectType):
    search = graphene.String()
    ids = graphene.List(graphene.NonNull(graphene.ID))


def permission_names(values, ocop_values=None) -> list[str]:
    """PermissionEnum and OcopPermissionEnum inputs -> our permission names (MANAGE_STAFF, MANAGE_FAIRS, …)."""
    return [getattr(v, "value", v) for v in [*(values or []), *(ocop_values or [])]]


def _may_read_access(info, user) -> bool:
    viewer = info.context.user
    return getattr(viewer, "pk", None) == user.pk or has_permissions(viewer, AccountPermissions.MANAGE_STAFF)


def _resolve_user_permissions(root, info):
    if not _may_read_access(info, root):
        return None
    return [UserPermission(code=p.code, name=p.name) for p in permissions_of(user_permission_names(user=root))]


def _resolve_permission_groups(root, info):
    return list(root.groups.order_by("name")) if _may_read_access(info, root) else None


def _resolve_editable_groups(root, info):
    if not _may_read_access(info, root):
        return None
    return [g for g in permission_group_list() if user_can_manage_group(user=root, group=g)]


def _resolve_ocop_permissions(root, info):
    if not _may_read_access(info, root):
        return []
    return sorted(n for n in user_permission_names(user=root) if n not in SALEOR_NAMES)


# Saleor's User fields about access; they live here, beside Group, to keep types.py free of group imports.
User._meta.fields["user_permissions"] = graphene.Field(graphene.List(graphene.NonNull(UserPermission)),
                                                       resolver=_resolve_user_permissions)
User._meta.fields["permission_groups"] = graphene.Field(graphene.List(graphene.NonNull(Group)),
                                                        resolver=_resolve_permission_groups)
User._meta.fields["editable_groups"] = graphene.Field(graphene.List(graphene.NonNull(Group)),
                                                      resolver=_resolve_editable_groups)
User._meta.fields["ocop_permissions"] = graphene.Field(
    graphene.List(graphene.NonNull(OcopPermissionEnum), required=True), resolver=_resolve_ocop_permissions,
    description="OCOP permissions this user holds (sales points, fairs, registry).")

"""Saleor's staffUsers, permissionGroups and permissionGroup queries, and the staff, group and password
mutations."""

from __future__ import annotations

import graphene

from marketplace.account.selectors import permission_group_get, permission_group_list, staff_list
from marketplace.core.permissions import AccountPermissions, has_permissions
from marketplace.graphql.account.mutations.password import RequestPasswordReset, SetPassword
from marketplace.graphql.account.mutations.permission_group import (
    PermissionGroupCreate,
    PermissionGroupDelete,
    PermissionGroupUpdate,
)
from marketplace.graphql.account.mutations.staff import StaffCreate, StaffDelete, StaffUpdate
from marketplace.graphql.account.staff_types import Group, PermissionGroupFilterInput, StaffUserInput
from marketplace.graphql.account.types import User
from marketplace.graphql.core.errors import permission_denied
from marketplace.graphql.core.ids import pk_from_global_id, pks_from_global_ids
from marketplace.graphql.core.pagination import connection_args, connection_type, paginate

UserCountableConnection = connection_type(User, "User")
GroupCountableConnection = connection_type(Group, "Group")


def _require_staff_manager(info) -> None:
    if not has_permissions(info.context.user, AccountPermissions.MANAGE_STAFF):
        raise permission_denied([AccountPermissions.MANAGE_STAFF.name])


class StaffQueries(graphene.ObjectType):
    staff_users = graphene.Field(UserCountableConnection, filter=StaffUserInput(), **connection_args())
    permission_groups = graphene.Field(GroupCountableConnection, filter=PermissionGroupFilterInput(),
                                       **connection_args())
    permission_group = graphene.Field(Group, id=graphene.ID(required=True))

    @staticmethod
    def resolve_staff_users(root, info, filter=None, **page_args):
        _require_staff_manager(info)
        filter = filter or {}
        status = filter.get("status")
        ids = filter.get("ids")
        qs = staff_list(search=filter.get("search") or "",
                        status=(getattr(status, "value", status) or "").lower() or None,
                        ids=pks_from_global_ids(ids, "User", field="ids") if ids is not None else None)
        return paginate(qs, **page_args)

    @staticmethod
    def resolve_permission_groups(root, info, filter=None, **page_args):
        _require_staff_manager(info)
        filter = filter or {}
        ids = filter.get("ids")
        qs = permission_group_list(search=filter.get("search") or "",
                                   ids=pks_from_global_ids(ids, "Group", field="ids") if ids is not None else None)
        return paginate(qs, **page_args)

    @staticmethod
    def resolve_permission_group(root, info, id):
        _require_staff_manager(info)
        return permission_group_get(group_id=pk_from_global_id(id, "Group"))


class StaffMutations(graphene.ObjectType):
    staff_create = StaffCreate.Field()
    staff_update = StaffUpdate.Field()
    staff_delete = StaffDelete.Field()
    permission_group_create = PermissionGroupCreate.Field()
    permission_group_update = PermissionGroupUpdate.Field()
    permission_group_delete = PermissionGroupDelete.Field()
    request_password_reset = RequestPasswordReset.Field()
    set_password = SetPassword.Field()

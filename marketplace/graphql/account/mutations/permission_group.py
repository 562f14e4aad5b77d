"""Saleor's permissionGroupCreate, permissionGroupUpdate, permissionGroupDelete (MANAGE_STAFF)."""

from __future__ import annotations

import graphene

from marketplace.account.groups import permission_group_create, permission_group_delete, permission_group_update
from marketplace.core.errors import DomainError
from marketplace.core.permissions import AccountPermissions
from marketplace.graphql.account.staff_types import (
    SALEOR_NAMES,
    Group,
    OcopPermissionEnum,
    PermissionEnum,
    PermissionGroupError,
    permission_names,
)
from marketplace.graphql.core.ids import pk_from_global_id, pks_from_global_ids, to_global_id
from marketplace.graphql.core.mutations import BaseMutation


class PermissionGroupCreateInput(graphene.InputObjectType):
    add_permissions = graphene.List(graphene.NonNull(PermissionEnum))
    add_users = graphene.List(graphene.NonNull(graphene.ID))
    add_channels = graphene.List(graphene.NonNull(graphene.ID))
    name = graphene.String(required=True)
    restricted_access_to_channels = graphene.Boolean(default_value=False)
    add_ocop_permissions = graphene.List(graphene.NonNull(OcopPermissionEnum),
                                         description="OCOP permissions to add (sales points, fairs, registry).")


class PermissionGroupUpdateInput(graphene.InputObjectType):
    add_permissions = graphene.List(graphene.NonNull(PermissionEnum))
    add_users = graphene.List(graphene.NonNull(graphene.ID))
    add_channels = graphene.List(graphene.NonNull(graphene.ID))
    name = graphene.String()
    remove_permissions = graphene.List(graphene.NonNull(PermissionEnum))
    remove_users = graphene.List(graphene.NonNull(graphene.ID))
    remove_channels = graphene.List(graphene.NonNull(graphene.ID))
    restricted_access_to_channels = graphene.Boolean()
    add_ocop_permissions = graphene.List(graphene.NonNull(OcopPermissionEnum))
    remove_ocop_permissions = graphene.List(graphene.NonNull(OcopPermissionEnum))


class PermissionGroupMutation(BaseMutation):
    group = graphene.Field(Group)

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, **options):
        options.setdefault("error_type_class", PermissionGroupError)
        options.setdefault("error_type_field", "permission_group_errors")
        options.setdefault("permissions", (AccountPermissions.MANAGE_STAFF,))
        super().__init_subclass_with_meta__(**options)

    @classmethod
    def error_extra(cls, error: DomainError) -> dict:
        extra = {}
        if error.params.get("users"):
            extra["users"] = [to_global_id("User", u) for u in error.params["users"]]
        if error.params.get("permissions"):
            extra["permissions"] = [p for p in error.params["permissions"] if p in SALEOR_NAMES]
        return extra


class PermissionGroupCreate(PermissionGroupMutation):
    class Arguments:
        input = PermissionGroupCreateInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, input):
        group = permission_group_create(
            actor=info.context.user, name=input.get("name"),
            add_permissions=permission_names(input.get("add_permissions"), input.get("add_ocop_permissions")),
            add_user_ids=pks_from_global_ids(input.get("add_users"), "User", field="addUsers"))
        return {"group": group}


class PermissionGroupUpdate(PermissionGroupMutation):
    class Arguments:
        id = graphene.ID(required=True)
        input = PermissionGroupUpdateInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        group = permission_group_update(
            actor=info.context.user, group_id=pk_from_global_id(id, "Group"), name=input.get("name"),
            add_permissions=permission_names(input.get("add_permissions"), input.get("add_ocop_permissions")),
            remove_permissions=permission_names(input.get("remove_permissions"),
                                                input.get("remove_ocop_permissions")),
            add_user_ids=pks_from_global_ids(input.get("add_users"), "User", field="addUsers"),
            remove_user_ids=pks_from_global_ids(input.get("remove_users"), "User", field="removeUsers"))
        return {"group": group}


class PermissionGroupDelete(PermissionGroupMutation):
    class Arguments:
        id = graphene.ID(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id):
        return {"group": permission_group_delete(actor=info.context.user, group_id=pk_from_global_id(id, "Group"))}

"""Saleor's staffCreate, staffUpdate, staffDelete (MANAGE_STAFF)."""

from __future__ import annotations

import graphene

from marketplace.account.staff import staff_create, staff_delete, staff_update
from marketplace.core.errors import DomainError
from marketplace.core.permissions import AccountPermissions
from marketplace.graphql.account.staff_types import StaffError
from marketplace.graphql.account.types import User
from marketplace.graphql.core.ids import pk_from_global_id, pks_from_global_ids, to_global_id
from marketplace.graphql.core.mutations import BaseMutation
from marketplace.graphql.core.types import MetadataInput


class StaffCreateInput(graphene.InputObjectType):
    first_name = graphene.String()
    last_name = graphene.String()
    email = graphene.String()
    is_active = graphene.Boolean()
    note = graphene.String()
    metadata = graphene.List(graphene.NonNull(MetadataInput))
    private_metadata = graphene.List(graphene.NonNull(MetadataInput))
    add_groups = graphene.List(graphene.NonNull(graphene.ID))
    redirect_url = graphene.String()


class StaffUpdateInput(graphene.InputObjectType):
    first_name = graphene.String()
    last_name = graphene.String()
    email = graphene.String()
    is_active = graphene.Boolean()
    note = graphene.String()
    metadata = graphene.List(graphene.NonNull(MetadataInput))
    private_metadata = graphene.List(graphene.NonNull(MetadataInput))
    add_groups = graphene.List(graphene.NonNull(graphene.ID))
    remove_groups = graphene.List(graphene.NonNull(graphene.ID))


class StaffMutation(BaseMutation):
    user = graphene.Field(User)

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, **options):
        options.setdefault("error_type_class", StaffError)
        options.setdefault("error_type_field", "staff_errors")
        options.setdefault("permissions", (AccountPermissions.MANAGE_STAFF,))
        super().__init_subclass_with_meta__(**options)

    @classmethod
    def error_extra(cls, error: DomainError) -> dict:
        groups = error.params.get("groups")
        return {"groups": [to_global_id("Group", g) for g in groups]} if groups else {}


class StaffCreate(StaffMutation):
    class Arguments:
        input = StaffCreateInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, input):
        user = staff_create(actor=info.context.user, email=input.get("email") or "",
                            first_name=input.get("first_name") or "", last_name=input.get("last_name") or "",
                            is_active=input.get("is_active", True) is not False,
                            group_ids=pks_from_global_ids(input.get("add_groups"), "Group", field="addGroups"),
                            redirect_url=input.get("redirect_url"))
        return {"user": user}


class StaffUpdate(StaffMutation):
    class Arguments:
        id = graphene.ID(required=True)
        input = StaffUpdateInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        user = staff_update(actor=info.context.user, user_id=pk_from_global_id(id, "User"),
                            email=input.get("email"), first_name=input.get("first_name"),
                            last_name=input.get("last_name"), is_active=input.get("is_active"),
                            add_group_ids=pks_from_global_ids(input.get("add_groups"), "Group", field="addGroups"),
                            remove_group_ids=pks_from_global_ids(input.get("remove_groups"), "Group",
                                                                 field="removeGroups"))
        return {"user": user}


class StaffDelete(StaffMutation):
    class Arguments:
        id = graphene.ID(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id):
        return {"user": staff_delete(actor=info.context.user, user_id=pk_from_global_id(id, "User"))}

"""Staff queries over the registry sync's run log (MANAGE_REGISTRY_SYNC)."""

from __future__ import annotations

import graphene

from catalog_sync import selectors
from catalog_sync.models import SyncRejectedRecord, SyncRun
from marketplace.core.permissions import OcopPermissions
from marketplace.graphql.core.errors import permission_denied
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.pagination import connection_args, connection_type, paginate
from marketplace.graphql.core.types import is_staff_with


def _require_sync_permission(info) -> None:
    if not is_staff_with(info, OcopPermissions.MANAGE_REGISTRY_SYNC):
        raise permission_denied(["MANAGE_REGISTRY_SYNC"])


class RegistryRejectedRecord(ModelObjectType):
    record_id = graphene.String(description="Registry record id, when the source has ids.")
    row_number = graphene.Int(description="Spreadsheet row, for Excel annexes.")
    code = graphene.String(required=True)
    reason = graphene.String(required=True)

    class Meta:
        model = SyncRejectedRecord
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        """As `registrySyncRun`: only for those who manage the registry sync."""
        _require_sync_permission(info)
        return cls._meta.model.objects.filter(pk=pk).first()


RegistryRejectedRecordCountableConnection = connection_type(RegistryRejectedRecord, "RegistryRejectedRecord")


class RegistrySyncRun(ModelObjectType):
    source = graphene.String(required=True)
    kind = graphene.String(required=True)
    full = graphene.Boolean(required=True)
    status = graphene.String(required=True)
    started_at = graphene.DateTime(required=True)
    finished_at = graphene.DateTime()
    received = graphene.Int(required=True)
    created = graphene.Int(required=True)
    updated = graphene.Int(required=True)
    unchanged = graphene.Int(required=True)
    delisted = graphene.Int(required=True)
    relisted = graphene.Int(required=True)
    rejected = graphene.Int(required=True)
    error = graphene.String()
    rejected_records = graphene.Field(RegistryRejectedRecordCountableConnection, **connection_args())

    class Meta:
        model = SyncRun
        interfaces = (graphene.relay.Node,)

    @staticmethod
    def resolve_source(root, info):
        return root.source_label

    @staticmethod
    def resolve_error(root, info):
        return getattr(root, "error", None) or None

    @staticmethod
    def resolve_rejected_records(root, info, **page_args):
        return paginate(selectors.sync_rejected_record_list(run_id=root.pk), **page_args)

    @classmethod
    def get_visible_node(cls, info, pk):
        _require_sync_permission(info)
        return selectors.sync_run_get(run_id=pk)


RegistrySyncRunCountableConnection = connection_type(RegistrySyncRun, "RegistrySyncRun")


class RegistryQueries(graphene.ObjectType):
    registry_sync_runs = graphene.Field(RegistrySyncRunCountableConnection, status=graphene.String(),
                                        description="Registry sync runs, newest first (OCOP Market; staff).",
                                        **connection_args())
    registry_sync_run = graphene.Field(RegistrySyncRun, id=graphene.ID(required=True))

    @staticmethod
    def resolve_registry_sync_runs(root, info, status=None, **page_args):
        _require_sync_permission(info)
        return paginate(selectors.sync_run_list(status=status), **page_args)

    @staticmethod
    def resolve_registry_sync_run(root, info, id):
        _require_sync_permission(info)
        return selectors.sync_run_get(run_id=pk_from_global_id(id, "RegistrySyncRun"))

from __future__ import annotations

from marketplace.core.errors import DomainError
from marketplace.core.permissions import OcopPermissions
from marketplace.graphql.core.ids import to_global_id
from marketplace.graphql.core.mutations import BaseMutation
from marketplace.graphql.salespoint.types import SalesPointError
from marketplace.salespoint.scope import user_is_sales_staff


class SalesPointMutation(BaseMutation):
    """OCOP sales-point mutations: a sales-point role is checked here (else a top-level PermissionDenied); the
    point's scope is checked by the service, which answers OUT_OF_SCOPE in `errors`."""

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, **options):
        options.setdefault("error_type_class", SalesPointError)
        options.setdefault("permissions", (OcopPermissions.OPERATE_SALES_POINTS,))
        super().__init_subclass_with_meta__(**options)

    @classmethod
    def check_permissions(cls, info) -> None:
        # Being assigned to a point is enough (an operator needs no separate permission).
        if cls.permissions == (OcopPermissions.OPERATE_SALES_POINTS,) and user_is_sales_staff(info.context.user):
            return
        super().check_permissions(info)

    @classmethod
    def error_extra(cls, error: DomainError) -> dict:
        variants = error.params.get("variants")
        return {"variants": [to_global_id("ProductVariant", v) for v in variants]} if variants else {}

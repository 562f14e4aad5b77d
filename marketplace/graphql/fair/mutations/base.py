"""What every fair mutation shares: FairError, the MANAGE_FAIRS permission, and id lookups as coded errors."""

from __future__ import annotations

import graphene
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.permissions import OcopPermissions
from marketplace.fair.error_codes import FairErrorCode
from marketplace.fair.selectors import fair_get
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.core.mutations import BaseMutation
from marketplace.graphql.fair.types import FairError


class FairMutation(BaseMutation):
    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, **options):
        options.setdefault("error_type_class", FairError)
        options.setdefault("permissions", (OcopPermissions.MANAGE_FAIRS,))
        super().__init_subclass_with_meta__(**options)

    @classmethod
    def error_extra(cls, error: DomainError) -> dict:
        product_id = error.params.get("product_id")
        return {"products": [graphene.relay.Node.to_global_id("Product", product_id)]} if product_id else {}


def fair_from_id(global_id: str, *, field: str = "id"):
    fair = fair_get(pk=pk_from_global_id(global_id, "FairEvent", field=field), public=False)
    if fair is None:
        raise DomainError(_("Không tìm thấy hội chợ."), code=FairErrorCode.NOT_FOUND, field=field)
    return fair


def pk_or_none(global_id: str | None, type_name: str, *, field: str) -> int | None:
    return pk_from_global_id(global_id, type_name, field=field) if global_id else None

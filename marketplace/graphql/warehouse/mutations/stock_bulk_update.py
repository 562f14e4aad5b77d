"""stockBulkUpdate: set quantities of existing stock lines by variant and warehouse (IDs or external references),
with Saleor's error policies. Each change is a count correction in the ledger (ADJUST). A row on a point outside
the actor's scope refuses the whole call with PermissionDenied and changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

import graphene
from graphql import GraphQLError

from marketplace.core.errors import DomainError
from marketplace.core.permissions import OcopPermissions
from marketplace.graphql.core.enums import ErrorPolicyEnum
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.core.mutations import BaseMutation
from marketplace.graphql.warehouse.errors import (
    SCOPE_CODES,
    StockBulkUpdateError,
    saleor_code,
    scope_denied,
)
from marketplace.graphql.warehouse.inputs import StockBulkUpdateInput
from marketplace.graphql.warehouse.types import Stock
from marketplace.salespoint import selectors
from marketplace.salespoint.services import salespoint_check_operator, stock_quantities_set

REASON = "stockBulkUpdate"


class StockBulkResult(graphene.ObjectType):
    stock = graphene.Field(Stock)
    errors = graphene.List(graphene.NonNull(StockBulkUpdateError))


@dataclass
class _Row:
    warehouse_id: int | None = None
    variant_id: int | None = None
    quantity: int = 0
    errors: list[StockBulkUpdateError] = field(default_factory=list)
    stock_id: int | None = None


def _error(message: str, code: str, field_name: str | None) -> StockBulkUpdateError:
    return StockBulkUpdateError(field=field_name, message=message, code=code)


def _resolve(data) -> _Row:
    row = _Row(quantity=data.quantity)
    try:
        if data.variant_id:
            variant = selectors.variant_find(pk=pk_from_global_id(data.variant_id, "ProductVariant",
                                                                  field="variantId"))
        else:
            variant = selectors.variant_find(external_reference=data.variant_external_reference)
        if data.warehouse_id:
            warehouse = selectors.warehouse_find(pk=pk_from_global_id(data.warehouse_id, "Warehouse",
                                                                      field="warehouseId"))
        else:
            warehouse = selectors.warehouse_find(external_reference=data.warehouse_external_reference)
    except GraphQLError as exc:
        row.errors.append(_error(exc.message, "GRAPHQL_ERROR", (exc.extensions or {}).get("exception", {}).get(
            "field")))
        return row
    if not (data.variant_id or data.variant_external_reference):
        row.errors.append(_error("Provide `variantId` or `variantExternalReference`.", "REQUIRED", "variantId"))
    elif variant is None:
        row.errors.append(_error("Product variant not found.", "NOT_FOUND", "variantId"))
    if not (data.warehouse_id or data.warehouse_external_reference):
        row.errors.append(_error("Provide `warehouseId` or `warehouseExternalReference`.", "REQUIRED",
                                 "warehouseId"))
    elif warehouse is None:
        row.errors.append(_error("Warehouse not found.", "NOT_FOUND", "warehouseId"))
    if row.errors:
        return row
    row.warehouse_id, row.variant_id = warehouse.pk, variant.pk
    found = selectors.stock_for(warehouse_id=warehouse.pk, variant_id=variant.pk)
    if found is None:
        row.errors.append(_error("Stock does not exist.", "NOT_FOUND", "stock"))
    else:
        row.stock_id = found.pk
    if data.quantity < 0:
        row.errors.append(_error("Quantity cannot be negative.", "INVALID", "quantity"))
    return row


class StockBulkUpdate(BaseMutation):
    count = graphene.Int(required=True)
    results = graphene.List(graphene.NonNull(StockBulkResult), required=True)

    class Arguments:
        error_policy = graphene.Argument(ErrorPolicyEnum)
        stocks = graphene.List(graphene.NonNull(StockBulkUpdateInput), required=True)

    class Meta:
        error_type_class = StockBulkUpdateError
        permissions = (OcopPermissions.OPERATE_SALES_POINTS,)

    @classmethod
    def perform_mutation(cls, root, info, stocks, error_policy=None):
        policy = getattr(error_policy, "value", error_policy) or "REJECT_EVERYTHING"
        user = info.context.user
        rows = [_resolve(data) for data in stocks]
        for row in rows:
            if row.warehouse_id is not None:
                try:
                    salespoint_check_operator(user=user, warehouse_id=row.warehouse_id)
                except DomainError as exc:
                    raise scope_denied(exc)
        valid = [i for i, row in enumerate(rows) if not row.errors]
        if policy == "REJECT_EVERYTHING" and len(valid) < len(rows):
            valid = []
        elif policy == "REJECT_EVERYTHING":
            cls._apply(user, rows, valid, all_or_nothing=True)
        else:
            cls._apply(user, rows, valid, all_or_nothing=False)
        updated = [i for i in valid if not rows[i].errors]
        lines = {s.pk: s for s in selectors.stocks_by_ids(stock_ids=[rows[i].stock_id for i in updated])}
        results = [StockBulkResult(stock=lines.get(row.stock_id) if i in updated else None, errors=row.errors)
                   for i, row in enumerate(rows)]
        return {"count": len(updated), "results": results,
                "errors": [e for row in rows for e in row.errors]}

    @classmethod
    def _apply(cls, user, rows: list[_Row], indexes: list[int], *, all_or_nothing: bool) -> None:
        batches = [indexes] if all_or_nothing else [[i] for i in indexes]
        for batch in batches:
            try:
                stock_quantities_set(actor=user, reason=REASON, items=[
                    (rows[i].warehouse_id, rows[i].variant_id, rows[i].quantity) for i in batch])
            except DomainError as exc:
                if exc.code in SCOPE_CODES:
                    raise scope_denied(exc)
                failed = batch[exc.params.get("index", 0)]
                rows[failed].errors.append(_error(exc.message, saleor_code(exc.code), exc.field))
                if all_or_nothing:
                    for i in batch:
                        if i != failed:
                            rows[i].errors.append(_error("Not saved: another row was refused.", "INVALID", None))

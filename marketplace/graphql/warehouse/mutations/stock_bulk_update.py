"""stockBulkUpdate: set quantities of existing stock lines by variant and warehouse (IDs or external references),
with Saleor's error policies. Each change is a count correction in the ledger (ADJUST). A row on a point outside
the actor's scope refuses the whole call with PermissionDenied and changes nothing. Rows are looked up and written
together, so the number of queries does not grow with the number of rows."""

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
from marketplace.salespoint.services import salespoint_check_operator, stock_counts_set

REASON = "stockBulkUpdate"
HEAVY_PRODUCT_COLUMNS = ("search_vector", "search_document", "description", "description_plaintext")


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
    variant_pk: int | None = None
    warehouse_pk: int | None = None


def _error(message: str, code: str, field_name: str | None) -> StockBulkUpdateError:
    return StockBulkUpdateError(field=field_name, message=message, code=code)


def _parse(data) -> _Row:
    """The row's ids, decoded without touching the database (rows are looked up together afterwards)."""
    row = _Row(quantity=data.quantity)
    try:
        if data.variant_id:
            row.variant_pk = pk_from_global_id(data.variant_id, "ProductVariant", field="variantId")
        if data.warehouse_id:
            row.warehouse_pk = pk_from_global_id(data.warehouse_id, "Warehouse", field="warehouseId")
    except GraphQLError as exc:
        row.errors.append(_error(exc.message, "GRAPHQL_ERROR", (exc.extensions or {}).get("exception", {}).get(
            "field")))
    return row


def _resolve(rows: list[_Row], stocks) -> None:
    """Find every row's variant, warehouse and stock line in a few queries, whatever the number of rows."""
    variants, variants_by_ref = selectors.variant_ids_find(
        pks=[r.variant_pk for r in rows if r.variant_pk],
        external_references=[d.variant_external_reference for d in stocks])
    warehouses, warehouses_by_ref = selectors.warehouse_ids_find(
        pks=[r.warehouse_pk for r in rows if r.warehouse_pk],
        external_references=[d.warehouse_external_reference for d in stocks])
    for row, data in zip(rows, stocks, strict=True):
        if row.errors:
            continue
        if data.variant_id:
            variant = row.variant_pk if row.variant_pk in variants else None
        else:
            variant = variants_by_ref.get(data.variant_external_reference or "")
        if data.warehouse_id:
            warehouse = row.warehouse_pk if row.warehouse_pk in warehouses else None
        else:
            warehouse = warehouses_by_ref.get(data.warehouse_external_reference or "")
        if not (data.variant_id or data.variant_external_reference):
            row.errors.append(_error("Provide `variantId` or `variantExternalReference`.", "REQUIRED", "variantId"))
        elif variant is None:
            row.errors.append(_error("Product variant not found.", "NOT_FOUND", "variantId"))
        if not (data.warehouse_id or data.warehouse_external_reference):
            row.errors.append(_error("Provide `warehouseId` or `warehouseExternalReference`.", "REQUIRED",
                                     "warehouseId"))
        elif warehouse is None:
            row.errors.append(_error("Warehouse not found.", "NOT_FOUND", "warehouseId"))
        if not row.errors:
            row.warehouse_id, row.variant_id = warehouse, variant
    stock_ids = selectors.stock_ids_for_pairs(pairs=[(r.warehouse_id, r.variant_id) for r in rows
                                                     if r.warehouse_id is not None])
    for row in rows:
        if row.warehouse_id is None:
            continue
        row.stock_id = stock_ids.get((row.warehouse_id, row.variant_id))
        if row.stock_id is None:
            row.errors.append(_error("Stock does not exist.", "NOT_FOUND", "stock"))
        if row.quantity < 0:
            row.errors.append(_error("Quantity cannot be negative.", "INVALID", "quantity"))


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
        rows = [_parse(data) for data in stocks]
        _resolve(rows, stocks)
        for warehouse_id in sorted({row.warehouse_id for row in rows if row.warehouse_id is not None}):
            try:
                salespoint_check_operator(user=user, warehouse_id=warehouse_id)
            except DomainError as exc:
                raise scope_denied(exc)
        valid = [i for i, row in enumerate(rows) if not row.errors]
        if policy == "REJECT_EVERYTHING" and len(valid) < len(rows):
            valid = []
        elif valid:
            cls._apply(user, rows, valid, all_or_nothing=policy == "REJECT_EVERYTHING")
        updated = [i for i in valid if not rows[i].errors]
        # Thousands of rows: leave out the product's search and description columns, which no stock field shows.
        lines = {s.pk: s for s in selectors.stocks_by_ids(stock_ids=[rows[i].stock_id for i in updated]).defer(
            *(f"product_variant__product__{name}" for name in HEAVY_PRODUCT_COLUMNS))}
        results = [StockBulkResult(stock=lines.get(row.stock_id) if i in updated else None, errors=row.errors)
                   for i, row in enumerate(rows)]
        return {"count": len(updated), "results": results,
                "errors": [e for row in rows for e in row.errors]}

    @classmethod
    def _apply(cls, user, rows: list[_Row], indexes: list[int], *, all_or_nothing: bool) -> None:
        """All rows in one bulk count correction (the ledger rows and audit entries written together)."""
        try:
            refused = stock_counts_set(actor=user, reason=REASON, all_or_nothing=all_or_nothing, items=[
                (rows[i].warehouse_id, rows[i].variant_id, rows[i].quantity) for i in indexes])
        except DomainError as exc:
            if exc.code in SCOPE_CODES:
                raise scope_denied(exc)
            raise
        for position, exc in refused.items():
            rows[indexes[position]].errors.append(_error(exc.message, saleor_code(exc.code), exc.field))
        if refused and all_or_nothing:
            for position, i in enumerate(indexes):
                if position not in refused:
                    rows[i].errors.append(_error("Not saved: another row was refused.", "INVALID", None))

"""Saleor's stock error types, and how OCOP's domain codes map onto their (closed) enums."""

from __future__ import annotations

import graphene

from marketplace.core.errors import DomainError
from marketplace.graphql.core.enums import ProductErrorCode, StockBulkUpdateErrorCode
from marketplace.graphql.core.errors import coded_error
from marketplace.salespoint.error_codes import SalesPointErrorCode


class BulkStockError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(ProductErrorCode, required=True)
    attributes = graphene.List(graphene.NonNull(graphene.ID))
    values = graphene.List(graphene.NonNull(graphene.ID))
    index = graphene.Int()


class StockBulkUpdateError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(StockBulkUpdateErrorCode, required=True)


# Saleor's enums are closed: our finer codes become INVALID (the message says which rule refused).
_SALEOR_CODES = {"NOT_FOUND": "NOT_FOUND", "NOT_A_SALES_POINT": "NOT_FOUND", "REQUIRED": "REQUIRED"}
SCOPE_CODES = {SalesPointErrorCode.PERMISSION_DENIED.value, SalesPointErrorCode.OUT_OF_SCOPE.value}


def saleor_code(code: str) -> str:
    return _SALEOR_CODES.get(code, "INVALID")


def saleor_error(error: DomainError) -> DomainError:
    return DomainError(error.message, code=saleor_code(error.code), field=error.field, **error.params)


def scope_denied(error: DomainError):
    """Saleor reports permission problems as a top-level PermissionDenied; the OCOP reason goes alongside."""
    exc = coded_error(error.message, "PermissionDenied", field=error.field)
    exc.extensions["exception"]["reason"] = error.code
    return exc

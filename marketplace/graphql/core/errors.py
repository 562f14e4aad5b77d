"""Top-level GraphQL errors with a code, shaped like Saleor's: `extensions: {exception: {code}}`."""

from __future__ import annotations

from graphql import GraphQLError


def coded_error(message: str, code: str, *, field: str | None = None) -> GraphQLError:
    exception: dict = {"code": code}
    if field:
        exception["field"] = field
    return GraphQLError(message, extensions={"exception": exception})


def permission_denied(permissions: list[str] | None = None) -> GraphQLError:
    suffix = f" Required permissions: {', '.join(permissions)}." if permissions else ""
    return coded_error(f"You do not have permission to perform this action.{suffix}", "PermissionDenied")


def invalid(message: str, *, field: str | None = None) -> GraphQLError:
    return coded_error(message, "GraphQLError", field=field)

"""/graphql/: POST JSON runs a query; a browser GET shows the GraphiQL playground.

Errors never leak internals: an unexpected exception becomes "Internal Server Error" with code
INTERNAL_ERROR (and is logged); every other error carries `extensions.exception.code`, as Saleor's do."""

from __future__ import annotations

import logging

from django.db import DatabaseError
from graphene_django.views import GraphQLView as BaseGraphQLView
from graphql import GraphQLError

logger = logging.getLogger("marketplace.graphql")


class GraphQLView(BaseGraphQLView):
    graphiql = True

    @staticmethod
    def format_error(error):
        if isinstance(error, GraphQLError):
            original = error.original_error
            if original is not None and not isinstance(original, GraphQLError):
                logger.error("GraphQL resolver failed", exc_info=original)
                message = "Internal Server Error"
                code = "DATABASE_ERROR" if isinstance(original, DatabaseError) else "INTERNAL_ERROR"
                formatted = {"message": message, "extensions": {"exception": {"code": code}}}
                if error.path:
                    formatted["path"] = error.path
                return formatted
            formatted = error.formatted
            extensions = dict(formatted.get("extensions") or {})
            extensions.setdefault("exception", {"code": "GraphQLError"})
            formatted["extensions"] = extensions
            return formatted
        return {"message": "Internal Server Error", "extensions": {"exception": {"code": "INTERNAL_ERROR"}}}

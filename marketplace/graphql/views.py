"""/graphql/: POST JSON runs a query; a browser GET shows the GraphiQL playground.

Errors never leak internals: an unexpected exception becomes "Internal Server Error" with code
INTERNAL_ERROR (and is logged); every other error carries `extensions.exception.code`, as Saleor's do."""

from __future__ import annotations

import logging

from django.db import DatabaseError
from django.http import JsonResponse
from graphene_django.views import GraphQLView as BaseGraphQLView
from graphql import GraphQLError

from marketplace.account.tokens import user_from_access_token
from marketplace.core.errors import DomainError
from marketplace.graphql.core.upload import MultipartRequestMixin

logger = logging.getLogger("marketplace.graphql")


class GraphQLView(MultipartRequestMixin, BaseGraphQLView):
    graphiql = True

    def dispatch(self, request, *args, **kwargs):
        """`Authorization: Bearer <access token>` (from tokenCreate) signs the request in; without the header the
        session (if any) applies. A bad or expired token is refused outright rather than silently ignored."""
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() in ("bearer", "jwt") and token.strip():
            try:
                request.user = user_from_access_token(token=token.strip())
            except DomainError as exc:
                code = "ExpiredSignatureError" if exc.code == "JWT_SIGNATURE_EXPIRED" else "InvalidTokenError"
                return JsonResponse({"errors": [{"message": exc.message, "extensions": {"exception": {
                    "code": code}}}], "data": None}, status=401, headers={"WWW-Authenticate": "Bearer"})
        return super().dispatch(request, *args, **kwargs)

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

"""/graphql/: POST JSON runs a query (or a list of them, a batch); a browser GET shows the GraphiQL playground.

Before anything runs, a request is checked at the door (`core/request_guard.py`: size, content type, CSRF for
session sign-ins) and its document against the limits (`core/limits.py`: tokens, aliases, depth, cost). Every
response carries `extensions.cost` as Saleor's do. Errors never leak internals: an unexpected exception becomes
"Internal Server Error" with code INTERNAL_ERROR (and is logged); every other error carries
`extensions.exception.code`, as Saleor's do, and quotes at most a short excerpt of the input."""

from __future__ import annotations

import json
import logging

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponseBadRequest, JsonResponse
from graphene_django.constants import MUTATION_ERRORS_FLAG
from graphene_django.utils.utils import set_rollback
from graphene_django.views import GraphQLView as BaseGraphQLView
from graphene_django.views import HttpError
from graphql import ExecutionResult, GraphQLError, OperationType, execute, parse, validate

from marketplace.account.tokens import user_from_access_token
from marketplace.core.errors import DomainError
from marketplace.graphql.core.errors import coded_error
from marketplace.graphql.core.input_hygiene import database_error_as_input, input_hygiene_middleware
from marketplace.graphql.core.limits import (
    QueryLimits,
    cost_error,
    document_check_shape,
    operation_cost,
    operation_select,
)
from marketplace.graphql.core.request_guard import CodedHttpError, request_refusal
from marketplace.graphql.core.upload import MultipartRequestMixin

logger = logging.getLogger("marketplace.graphql")

MESSAGE_MAX_CHARS = 300


def _short(message: str) -> str:
    """Client errors quote the input (an invalid value, an unknown name); keep a readable excerpt only."""
    return message if len(message) <= MESSAGE_MAX_CHARS else message[:MESSAGE_MAX_CHARS] + "… (truncated)"


class GraphQLView(MultipartRequestMixin, BaseGraphQLView):
    graphiql = True

    def dispatch(self, request, *args, **kwargs):
        """`Authorization: Bearer <access token>` (from tokenCreate) signs the request in; without the header the
        session (if any) applies. A bad or expired token is refused outright rather than silently ignored."""
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        bearer = scheme.lower() in ("bearer", "jwt") and bool(token.strip())
        if bearer:
            try:
                request.user = user_from_access_token(token=token.strip())
            except DomainError as exc:
                code = "ExpiredSignatureError" if exc.code == "JWT_SIGNATURE_EXPIRED" else "InvalidTokenError"
                return JsonResponse({"errors": [{"message": exc.message, "extensions": {"exception": {
                    "code": code}}}], "data": None}, status=401, headers={"WWW-Authenticate": "Bearer"})
        refusal = request_refusal(request, bearer=bearer)
        if refusal is not None:
            return refusal
        self._cost: int | None = None
        return super().dispatch(request, *args, **kwargs)

    def parse_body(self, request):
        """A JSON object is one operation; a JSON list is a batch (as Saleor accepts), capped in size."""
        if self.get_content_type(request) != "application/json":
            return super().parse_body(request)
        body = request.body
        if len(body) > settings.GRAPHQL_MAX_BODY_BYTES:
            raise CodedHttpError(f"The request body is larger than {settings.GRAPHQL_MAX_BODY_BYTES} bytes "
                                 "(GRAPHQL_MAX_BODY_BYTES).", "REQUEST_TOO_LARGE", status=413)
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise CodedHttpError("POST body sent invalid JSON.", "JSON_INVALID", status=400)
        if isinstance(data, list):
            limit = settings.GRAPHQL_BATCH_MAX_OPERATIONS
            if not data or len(data) > limit:
                raise CodedHttpError(f"A batch must hold 1 to {limit} operations (GRAPHQL_BATCH_MAX_OPERATIONS).",
                                     "BatchSizeError", status=400)
            if not all(isinstance(entry, dict) for entry in data):
                raise CodedHttpError("Each batch entry must be a JSON object.", "JSON_INVALID", status=400)
            self.batch = True
            return data
        if not isinstance(data, dict):
            raise CodedHttpError("The received data is not a valid JSON query.", "JSON_INVALID", status=400)
        return data

    def get_middleware(self, request):
        return [input_hygiene_middleware, *(super().get_middleware(request) or [])]

    def get_response(self, request, data, show_graphiql=False):
        """graphene-django's, with Saleor's `extensions.cost` added before the answer is encoded."""
        self._cost = None
        query, variables, operation_name, id_ = self.get_graphql_params(request, data)
        execution_result = self.execute_graphql_request(request, data, query, variables, operation_name,
                                                        show_graphiql)
        if getattr(request, MUTATION_ERRORS_FLAG, False) is True:
            set_rollback()
        if not execution_result:
            return None, 200
        status_code = 200
        response: dict = {}
        if execution_result.errors:
            set_rollback()
            response["errors"] = [self.format_error(e) for e in execution_result.errors]
        if execution_result.errors and any(not getattr(e, "path", None) for e in execution_result.errors):
            status_code = 400
        else:
            response["data"] = execution_result.data
        if self._cost is not None:
            response["extensions"] = {"cost": {"requestedQueryCost": self._cost,
                                               "maximumAvailable": settings.GRAPHQL_QUERY_MAX_COST}}
        if self.batch:
            response["id"] = id_
            response["status"] = status_code
        return self.json_encode(request, response, pretty=show_graphiql), status_code

    def execute_graphql_request(self, request, data, query, variables, operation_name, show_graphiql=False):
        """graphene-django's, with the limits checked between parsing and running, cheapest first."""
        if not query:
            if show_graphiql:
                return None
            raise HttpError(HttpResponseBadRequest("Must provide query string."))
        if not isinstance(query, str) or (variables is not None and not isinstance(variables, dict)):
            return ExecutionResult(errors=[coded_error("`query` must be a string and `variables` an object.",
                                                       "GraphQLError")])
        schema = self.schema.graphql_schema
        limits = QueryLimits.from_settings()
        try:
            document = parse(query, max_tokens=settings.GRAPHQL_QUERY_MAX_TOKENS)
        except GraphQLError as exc:
            return ExecutionResult(errors=[exc])
        refusal = document_check_shape(document=document, limits=limits)
        if refusal is not None:
            return ExecutionResult(errors=[refusal])
        operation = operation_select(document, operation_name)
        if request.method.lower() == "get" and operation is not None and operation.operation != OperationType.QUERY:
            if show_graphiql:
                return None
            return ExecutionResult(errors=[coded_error(
                f"Can only perform a {operation.operation.value} operation from a POST request.", "GraphQLError")])
        validation_errors = validate(schema, document, self.validation_rules, max_errors=20)
        if validation_errors:
            return ExecutionResult(errors=validation_errors)
        if operation is not None:
            self._cost = operation_cost(schema=schema, document=document, operation=operation,
                                        variables=variables, limits=limits)
            if self._cost > limits.max_cost:
                return ExecutionResult(errors=[cost_error(cost=self._cost, limits=limits)])
        try:
            return execute(schema, document, root_value=self.get_root_value(request),
                           context_value=self.get_context(request), variable_values=variables,
                           operation_name=operation_name, middleware=self.get_middleware(request))
        except Exception as exc:  # noqa: BLE001 — reported through format_error, never as a 500
            return ExecutionResult(errors=[exc])

    @staticmethod
    def format_error(error):
        if isinstance(error, GraphQLError):
            original = error.original_error
            if isinstance(original, DomainError):
                formatted = {"message": _short(original.message), "extensions": {"exception": {
                    "code": original.code, **({"field": original.field} if original.field else {})}}}
                if error.path:
                    formatted["path"] = error.path
                return formatted
            as_input = database_error_as_input(original) if original is not None else None
            if as_input is not None:
                logger.warning("Input refused by the database: %s", type(original).__name__)
                if error.path:
                    as_input["path"] = error.path
                return as_input
            if original is not None and not isinstance(original, GraphQLError):
                logger.error("GraphQL resolver failed", exc_info=original)
                message = "Internal Server Error"
                code = "DATABASE_ERROR" if isinstance(original, DatabaseError) else "INTERNAL_ERROR"
                formatted = {"message": message, "extensions": {"exception": {"code": code}}}
                if error.path:
                    formatted["path"] = error.path
                return formatted
            formatted = error.formatted
            formatted["message"] = _short(formatted["message"])
            extensions = dict(formatted.get("extensions") or {})
            extensions.setdefault("exception", {"code": "GraphQLError"})
            formatted["extensions"] = extensions
            return formatted
        if isinstance(error, HttpError):
            return {"message": _short(error.message or "Bad request."),
                    "extensions": {"exception": {"code": getattr(error, "code", "GraphQLError")}}}
        logger.error("GraphQL request failed", exc_info=error)
        return {"message": "Internal Server Error", "extensions": {"exception": {"code": "INTERNAL_ERROR"}}}

"""Checks on a /graphql/ request before its body is parsed: size, content type and, for a request signed in by the
session cookie, Django's CSRF check. A bearer token is not sent by a browser on its own, so it needs no CSRF
token; the session cookie is, so without the check another site could post a mutation in a staff member's name."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from graphene_django.views import HttpError

# JSON and `application/graphql` bodies, and multipart bodies for file uploads (the GraphQL multipart request spec,
# as Saleor's productMediaCreate uses). A cross-site HTML form can send multipart or url-encoded bodies without a
# CORS preflight, so a multipart request signed in by the session cookie must pass the CSRF check below;
# url-encoded bodies carry no upload and are refused.
ACCEPTED_CONTENT_TYPES = ("application/json", "application/graphql", "multipart/form-data")
MULTIPART = "multipart/form-data"


def error_response(message: str, code: str, *, status: int) -> JsonResponse:
    return JsonResponse({"errors": [{"message": message, "extensions": {"exception": {"code": code}}}]},
                        status=status)


class CodedHttpError(HttpError):
    """graphene-django rewrites an HttpError's body through `format_error`; this one keeps its code."""

    def __init__(self, message: str, code: str, *, status: int):
        super().__init__(HttpResponse(status=status), message)
        self.code = code


def _csrf_refusal(request: HttpRequest) -> str | None:
    def _unused(_request):  # pragma: no cover — the middleware's get_response is never called by process_view
        return HttpResponse()

    middleware = CsrfViewMiddleware(_unused)
    middleware.process_request(request)
    response = middleware.process_view(request, _unused, (), {})
    return None if response is None else "CSRF verification failed: send the `X-CSRFToken` header from the " \
        "csrftoken cookie from the same origin, or sign in with a bearer token."


def request_refusal(request: HttpRequest, *, bearer: bool) -> JsonResponse | None:
    if request.method != "POST":
        return None
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        length = 0
    limit = settings.GRAPHQL_MAX_BODY_BYTES
    if request.content_type.lower() == MULTIPART:
        limit += settings.PRODUCT_MEDIA_MAX_BYTES
    if length > limit:
        return error_response(f"The request body is larger than {limit} bytes (GRAPHQL_MAX_BODY_BYTES, "
                              "plus PRODUCT_MEDIA_MAX_MB for an upload).",
                              "REQUEST_TOO_LARGE", status=413)
    content_type = request.content_type.lower()
    if content_type not in ACCEPTED_CONTENT_TYPES:
        return error_response("Send the query as JSON (Content-Type: application/json), or multipart/form-data "
                              "for an upload.", "UNSUPPORTED_MEDIA_TYPE",
                              status=415)
    user = getattr(request, "user", None)
    if not bearer and user is not None and user.is_authenticated:
        message = _csrf_refusal(request)
        if message is not None:
            return error_response(message, "CSRF_FAILED", status=403)
    return None

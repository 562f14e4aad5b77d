"""Request hygiene for the pages: what no form or link of ours sends is refused before a view runs, with a page a
person can read, instead of travelling to PostgreSQL (which refuses NUL bytes with a server error).

The GraphQL endpoint and webhooks answer in their own formats and check their own input."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

# NUL and UTF-16 surrogates: no browser sends them in text, PostgreSQL cannot store them.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _unstorable(data) -> bool:
    return any(_UNSTORABLE.search(key) or any(_UNSTORABLE.search(v) for v in values if isinstance(v, str))
               for key, values in data.lists())


class RequestHygieneMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(tuple(settings.REQUEST_HYGIENE_EXEMPT_PATHS)):
            return self.get_response(request)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise BadRequest("Content-Length is not a number") from None
        if length > settings.REQUEST_MAX_BYTES:
            return HttpResponse(render_to_string("413.html", {"max_mb": settings.REQUEST_MAX_BYTES // 2**20},
                                                 request=request), status=413)
        if _unstorable(request.GET):
            raise BadRequest("NUL byte or surrogate in the query string")
        if request.method == "POST" and request.content_type in _FORM_TYPES and _unstorable(request.POST):
            raise BadRequest("NUL byte or surrogate in a form field")
        return self.get_response(request)

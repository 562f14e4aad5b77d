"""What every console page shares: login, the point from the URL (refused outside the user's scope), and turning a
DomainError into a message or a 403 page that names its code."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from marketplace.core.errors import DomainError
from marketplace.salespoint import selectors

STATUS_FOR_CODE = {"NOT_FOUND": 404, "NOT_A_SALES_POINT": 404, "PERMISSION_DENIED": 403, "OUT_OF_SCOPE": 403}


def refused(request: HttpRequest, error: DomainError) -> HttpResponse:
    return render(request, "storefront/console/refused.html", {"error": error},
                  status=STATUS_FOR_CODE.get(error.code, 400))


def console_login_required(view: Callable) -> Callable:
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("storefront:console:login"))
        try:
            return view(request, *args, **kwargs)
        except DomainError as exc:  # a read refused by a selector (scope, not found)
            return refused(request, exc)
    return wrapper


def point_view(view: Callable) -> Callable:
    """A page about one point (`slug` in the URL): the view gets `point` after the scope check."""
    @console_login_required
    @wraps(view)
    def wrapper(request: HttpRequest, slug: str, *args, **kwargs) -> HttpResponse:
        point = selectors.sales_point_for_user(user=request.user, slug=slug)
        return view(request, point, *args, **kwargs)
    return wrapper


def flash_error(request: HttpRequest, error: DomainError) -> None:
    messages.error(request, f"{error.message} ({error.code})")


def point_context(point, active: str, **extra) -> dict:
    return {"point": point, "active": active, **extra}

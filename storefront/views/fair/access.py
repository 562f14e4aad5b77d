"""Who may use the staff console: promotion staff (MANAGE_FAIRS) and admins (superusers have every permission).
Anonymous visitors are sent to log in; others get 403."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.urls import reverse

from marketplace.core.errors import DomainError
from marketplace.core.permissions import BasePermissionEnum, OcopPermissions, has_permissions
from marketplace.fair.selectors import fair_get


def staff_login_url() -> str:
    return reverse("storefront:console:login")


def staff_required(*permissions: BasePermissionEnum) -> Callable:
    needed = permissions or (OcopPermissions.MANAGE_FAIRS,)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), login_url=staff_login_url())
            if not has_permissions(request.user, *needed):
                raise PermissionDenied
            return view(request, *args, **kwargs)
        return wrapped
    return decorator


def staff_fair(slug: str):
    fair = fair_get(slug=slug, public=False)
    if fair is None:
        raise Http404
    return fair


def form_errors_from(form, error: DomainError) -> None:
    """Put a service's refusal on the form field it names (or on the form as a whole)."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)

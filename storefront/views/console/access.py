"""Permission checks for console pages outside a sales point: anonymous visitors sign in, others without the
permission get the console's refusal page with a code."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.permissions import BasePermissionEnum, has_permissions
from storefront.views.console.common import refused


def console_permission_required(*perms: BasePermissionEnum) -> Callable:
    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("storefront:console:login"))
            if not has_permissions(request.user, *perms):
                return refused(request, DomainError(_("Bạn không có quyền mở trang này."),
                                                    code="PERMISSION_DENIED"))
            return view(request, *args, **kwargs)
        return wrapper
    return decorator


def form_error(form, error: DomainError, fields: dict[str, str]) -> None:
    """Put a service's refusal on the form field it names (API field names mapped to form fields)."""
    field = fields.get(error.field or "", None)
    form.add_error(field if field in form.fields else None, f"{error.message} ({error.code})")

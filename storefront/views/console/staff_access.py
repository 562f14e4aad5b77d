"""Console pages for staff holding a permission (orders, shipping): sign-in, then the permission, else a 403 page
naming PERMISSION_DENIED."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.permissions import BasePermissionEnum, has_permissions
from storefront.views.console.common import console_login_required, refused


def permission_view(*perms: BasePermissionEnum) -> Callable:
    def decorate(view: Callable) -> Callable:
        @console_login_required
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not has_permissions(request.user, *perms):
                return refused(request, DomainError(_("Bạn không có quyền mở trang này."), code="PERMISSION_DENIED"))
            return view(request, *args, **kwargs)
        return wrapper
    return decorate

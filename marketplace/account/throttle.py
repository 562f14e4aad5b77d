"""Sign-in throttling with django-axes: failed sign-ins (and registrations and token refreshes, which can be
used to probe the same way) are counted per account and per client address; either over
settings.AXES_FAILURE_LIMIT within settings.AXES_COOLOFF_TIME locks further attempts out until the cool-off
ends. The API answers LOGIN_ATTEMPT_DELAYED (Saleor's code), the pages a form message; each lockout is audited.

Every check reads the database, so twenty aliased tokenCreate calls in one GraphQL request are twenty attempts."""

from __future__ import annotations

import math
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from marketplace.account.error_codes import AccountErrorCode
from marketplace.account.models import User
from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError

REGISTER_PREFIX = "register:"
REFRESH_PREFIX = "token-refresh:"


def _wait_minutes() -> int:
    cool_off = get_cool_off()
    return max(1, math.ceil(cool_off.total_seconds() / 60)) if cool_off else 0


def signin_delayed_error(*, field: str = "email") -> DomainError:
    return DomainError(
        _("Quá nhiều lần thử không thành công. Vui lòng thử lại sau %(minutes)s phút.") % {"minutes": _wait_minutes()},
        code=AccountErrorCode.LOGIN_ATTEMPT_DELAYED, field=field, wait_minutes=_wait_minutes())


def signin_throttle_check(*, request: HttpRequest | None, username: str, field: str = "email") -> None:
    """Raise LOGIN_ATTEMPT_DELAYED while this account or this client address is locked out."""
    if request is None:
        return
    if getattr(request, "axes_locked_out", False) or AxesProxyHandler.is_locked(request, {"username": username}):
        raise signin_delayed_error(field=field)


def signin_failure_record(*, request: HttpRequest | None, username: str) -> None:
    """Count an attempt that did not go through authenticate() (a bad refresh token, a registration)."""
    if request is not None:
        user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)


def registration_username(*, email: str) -> str:
    return f"{REGISTER_PREFIX}{(email or '').strip().lower()}"


def refresh_username(*, request: HttpRequest) -> str:
    # Keyed by address: the token names no account we could trust before it is verified.
    return f"{REFRESH_PREFIX}{request.META.get('REMOTE_ADDR', '')}"


def lockout_response(request: HttpRequest, original_response: HttpResponse | None = None,
                     credentials: dict | None = None) -> HttpResponse | None:
    """AXES_LOCKOUT_CALLABLE: each sign-in already answers the lockout in its own format (a GraphQL error, a form
    message), so the page it rendered stands."""
    return original_response


@receiver(user_locked_out, dispatch_uid="account.signin_lockout_audit")
def _audit_lockout(sender: Any, request: HttpRequest, username: str | None, ip_address: str | None,
                   **kwargs: Any) -> None:
    attempt = AccessAttempt.objects.filter(username=username, ip_address=ip_address).order_by("-pk").first()
    user = User.objects.filter(email__iexact=username).first() if username else None
    target = user or attempt
    if target is None:
        return
    log_action(action="account.signin.locked_out", obj=target,
               after={"username": username or "", "ip_address": ip_address or "",
                      "path": getattr(request, "path", ""), "wait_minutes": _wait_minutes()})

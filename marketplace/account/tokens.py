"""JWT sign-in as Saleor does it: a short-lived access token for `Authorization: Bearer …` and a long-lived
refresh token. Both carry the user's `jwt_token_key`; changing that key (password change, "log out
everywhere") makes every token issued before it invalid."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt
from django.conf import settings
from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.account.error_codes import AccountErrorCode
from marketplace.account.models import User
from marketplace.account.throttle import (
    refresh_username,
    signin_delayed_error,
    signin_failure_record,
    signin_throttle_check,
)
from marketplace.core.errors import DomainError

ALGORITHM = "HS256"
ISSUER = "ocop-market"
ACCESS, REFRESH = "access", "refresh"


@dataclass(frozen=True)
class TokenPair:
    access: str
    refresh: str
    user: User


def _key_for(user: User) -> str:
    if not user.jwt_token_key:
        user.jwt_token_key = secrets.token_urlsafe(9)[:12]
        User.objects.filter(pk=user.pk).update(jwt_token_key=user.jwt_token_key)
    return user.jwt_token_key


def _encode(user: User, token_type: str, ttl: timedelta, now: datetime) -> str:
    payload = {"iss": ISSUER, "iat": int(now.timestamp()), "exp": int((now + ttl).timestamp()),
               "type": token_type, "email": user.email, "user_id": user.pk, "token": _key_for(user),
               "is_staff": user.is_staff}
    return jwt.encode(payload, settings.SECRET_KEY, algorithm=ALGORITHM)


def _decode(token: str, expected_type: str) -> User:
    try:
        payload = jwt.decode(token, settings.SECRET_KEY, algorithms=[ALGORITHM], issuer=ISSUER,
                             options={"require": ["exp", "iat", "type", "user_id", "token"]})
    except jwt.ExpiredSignatureError:
        raise DomainError("Signature has expired.", code=AccountErrorCode.JWT_SIGNATURE_EXPIRED, field="token")
    except jwt.PyJWTError:
        raise DomainError("Invalid token.", code=AccountErrorCode.JWT_DECODE_ERROR, field="token")
    if payload["type"] != expected_type:
        raise DomainError("Invalid token type.", code=AccountErrorCode.JWT_INVALID_TOKEN, field="token")
    user = User.objects.filter(pk=payload["user_id"], is_active=True).first()
    if user is None or not user.jwt_token_key or payload["token"] != user.jwt_token_key:
        raise DomainError("Invalid token.", code=AccountErrorCode.JWT_INVALID_TOKEN, field="token")
    return user


def token_create(*, email: str, password: str, request: HttpRequest | None = None) -> TokenPair:
    """Sign in for the API. With the HTTP request, failures count towards the sign-in throttle (per account and
    per address) and a locked-out caller gets LOGIN_ATTEMPT_DELAYED without the password being checked."""
    username = (email or "").strip().lower()
    signin_throttle_check(request=request, username=username)
    # django-axes' backend needs a request; internal callers without one are not throttled by address.
    user = authenticate(request or HttpRequest(), username=username, password=password)
    if user is None:
        if getattr(request, "axes_locked_out", False):
            raise signin_delayed_error()
        inactive = User.objects.filter(email__iexact=(email or "").strip(), is_active=False).first()
        if inactive is not None and inactive.check_password(password):
            raise DomainError(_("Tài khoản đã bị khóa."), code=AccountErrorCode.INACTIVE, field="email")
        unconfirmed = User.objects.filter(email__iexact=(email or "").strip(), is_active=True,
                                          is_confirmed=False).first()
        if unconfirmed is not None and unconfirmed.check_password(password):
            raise DomainError(_("Tài khoản chưa được xác nhận: hãy mở liên kết trong email đăng ký."),
                              code=AccountErrorCode.ACCOUNT_NOT_CONFIRMED, field="email")
        raise DomainError(_("Email hoặc mật khẩu không đúng."), code=AccountErrorCode.INVALID_CREDENTIALS,
                          field="email")
    now = timezone.now()
    User.objects.filter(pk=user.pk).update(last_login=now)
    return TokenPair(access=_encode(user, ACCESS, settings.JWT_ACCESS_TTL, now),
                     refresh=_encode(user, REFRESH, settings.JWT_REFRESH_TTL, now), user=user)


def token_refresh(*, refresh_token: str | None, request: HttpRequest | None = None) -> tuple[str, User]:
    """A new access token. With the HTTP request, invalid refresh tokens count towards the address's throttle."""
    if request is not None:
        signin_throttle_check(request=request, username=refresh_username(request=request), field="refreshToken")
    if not refresh_token:
        raise DomainError("Missing refresh token.", code=AccountErrorCode.JWT_MISSING_TOKEN, field="refreshToken")
    try:
        user = _decode(refresh_token, REFRESH)
    except DomainError:
        if request is not None:
            signin_failure_record(request=request, username=refresh_username(request=request))
            if getattr(request, "axes_locked_out", False):
                raise signin_delayed_error(field="refreshToken") from None
        raise
    return _encode(user, ACCESS, settings.JWT_ACCESS_TTL, timezone.now()), user


def user_from_access_token(*, token: str) -> User:
    """The signed-in user for a Bearer token; raises DomainError (expired, tampered, revoked)."""
    return _decode(token, ACCESS)


def tokens_revoke_all(*, user: User) -> None:
    """Invalidate every token issued so far for this user."""
    User.objects.filter(pk=user.pk).update(jwt_token_key=secrets.token_urlsafe(9)[:12])


def token_pair_for(*, user: User) -> TokenPair:
    """Sign in a user who has just proved who they are another way (a set-password link)."""
    now = timezone.now()
    User.objects.filter(pk=user.pk).update(last_login=now)
    return TokenPair(access=_encode(user, ACCESS, settings.JWT_ACCESS_TTL, now),
                     refresh=_encode(user, REFRESH, settings.JWT_REFRESH_TTL, now), user=user)

"""Set-password and reset links (Saleor's requestPasswordReset / setPassword, and the staff invitation).

The token is Django's PasswordResetTokenGenerator: signed with SECRET_KEY, it expires after
PASSWORD_RESET_TIMEOUT and stops working once used, because it hashes the password (and last login) it was
issued for. Emails leave only after the transaction commits, never while a row is locked."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.http.request import validate_host
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marketplace.account.error_codes import AccountErrorCode
from marketplace.account.locks import user_qs_select_for_update
from marketplace.account.models import User
from marketplace.account.passwords import password_validate
from marketplace.account.tokens import tokens_revoke_all
from marketplace.core.audit import log_action
from marketplace.core.email import email_send
from marketplace.core.errors import DomainError

SET_PASSWORD_URL_NAME = "storefront:password_set"
SUBJECTS = {"set_password": gettext_lazy("OCOP Market: đặt mật khẩu cho tài khoản nhân viên"),
            "reset_password": gettext_lazy("OCOP Market: đặt lại mật khẩu")}


def set_password_page_url() -> str:
    """Our own set-password page, the default target of every link."""
    try:
        path = reverse(SET_PASSWORD_URL_NAME)
    except NoReverseMatch:
        path = "/dat-mat-khau/"
    return settings.PUBLIC_URL.rstrip("/") + path


def redirect_url_validate(*, url: str | None, field: str = "redirectUrl") -> str:
    """A link target on one of our hosts (else a token could be mailed to someone else's site)."""
    if not url:
        return set_password_page_url()
    parsed = urlsplit(url)
    hosts = [*settings.ALLOWED_HOSTS, urlsplit(settings.PUBLIC_URL).hostname or ""]
    if parsed.scheme not in ("http", "https") or not parsed.hostname or not validate_host(parsed.hostname, hosts):
        raise DomainError(_("Địa chỉ chuyển hướng không được phép."), code=AccountErrorCode.INVALID, field=field)
    return url


def password_link_make(*, user: User, redirect_url: str) -> str:
    query = urlencode({"email": user.email, "token": default_token_generator.make_token(user)})
    return f"{redirect_url}{'&' if '?' in redirect_url else '?'}{query}"


def _send(*, user: User, template: str, redirect_url: str) -> None:
    with translation.override(user.language_code or "vi"):
        context = {"user": user, "url": password_link_make(user=user, redirect_url=redirect_url),
                   "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400), "LANGUAGE_CODE": user.language_code}
        subject = str(SUBJECTS[template])
        text = render_to_string(f"account/email/{template}.txt", context)
        html = render_to_string(f"account/email/{template}.html", context)
    email_send(to=[user.email], subject=subject, body=text, html=html)


def password_email_send_on_commit(*, user: User, template: str, redirect_url: str) -> None:
    transaction.on_commit(lambda: _send(user=user, template=template, redirect_url=redirect_url))


def password_reset_request(*, email: str, redirect_url: str | None) -> None:
    """Mail a reset link to an active account with this email. An unknown email gets the same answer."""
    target = redirect_url_validate(url=redirect_url)
    user = User.objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
    if user is not None:
        password_email_send_on_commit(user=user, template="reset_password", redirect_url=target)


def password_set(*, email: str, token: str, password: str) -> User:
    """Set the password from a link's token; the token then stops working, and so do tokens signed in before."""
    invalid = DomainError(_("Liên kết đặt mật khẩu không hợp lệ, đã dùng hoặc đã hết hạn. Hãy yêu cầu liên kết mới."),
                          code=AccountErrorCode.INVALID, field="token")
    with transaction.atomic():
        user = user_qs_select_for_update().filter(email__iexact=(email or "").strip(), is_active=True).first()
        if user is None or not default_token_generator.check_token(user, token or ""):
            raise invalid
        password_validate(password=password, user=user)
        user.set_password(password)
        user.is_confirmed = True  # opening the emailed link proves the address, as confirmAccount does
        user.save(update_fields=["password", "is_confirmed", "updated_at"])
        tokens_revoke_all(user=user)
        log_action(action="account.password.set", obj=user, actor=user)
    return user


def password_link_is_valid(*, email: str, token: str) -> bool:
    """Would password_set accept this link now? (The page says so before asking for a password.)"""
    user = User.objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
    return user is not None and default_token_generator.check_token(user, token or "")

"""A shopper's (or staff member's) own account, Saleor's way: registration with an emailed confirmation link,
password change, profile, and deletion by an emailed link (personal data erased, orders kept for accounting:
they hold their own address snapshots). Links carry Django signed tokens that stop working once used, because
each hashes the state it changes (confirmation, email)."""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marketplace.account.error_codes import AccountErrorCode
from marketplace.account.locks import user_qs_select_for_update
from marketplace.account.models import Address, User
from marketplace.account.password_reset import redirect_url_validate
from marketplace.account.passwords import password_validate
from marketplace.account.throttle import registration_username, signin_failure_record, signin_throttle_check
from marketplace.account.tokens import tokens_revoke_all
from marketplace.core.audit import log_action
from marketplace.core.email import email_send
from marketplace.core.errors import DomainError

SUBJECTS = {"confirm_account": gettext_lazy("OCOP Market: xác nhận email đăng ký"),
            "delete_account": gettext_lazy("OCOP Market: xác nhận xóa tài khoản")}
_PAGES = {"confirm_account": ("storefront:account_confirm", "/account/xac-nhan/"),
          "delete_account": ("storefront:account_delete_confirm", "/account/xoa/xac-nhan/")}


class _ConfirmTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "marketplace.account.confirm"

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.email}{user.is_confirmed}{timestamp}"


class _DeleteTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "marketplace.account.delete"

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.email}{user.is_active}{user.password}{timestamp}"


confirm_token_generator = _ConfirmTokenGenerator()
delete_token_generator = _DeleteTokenGenerator()


def _page_url(kind: str) -> str:
    name, fallback = _PAGES[kind]
    try:
        path = reverse(name)
    except NoReverseMatch:
        path = fallback
    return settings.PUBLIC_URL.rstrip("/") + path


def _link(*, redirect_url: str, **params: str) -> str:
    return f"{redirect_url}{'&' if '?' in redirect_url else '?'}{urlencode(params)}"


def _mail(*, user: User, kind: str, url: str) -> None:
    with translation.override(user.language_code or "vi"):
        context = {"user": user, "url": url, "LANGUAGE_CODE": user.language_code}
        subject = str(SUBJECTS[kind])
        text = render_to_string(f"account/email/{kind}.txt", context)
        html = render_to_string(f"account/email/{kind}.html", context)
    email_send(to=[user.email], subject=subject, body=text, html=html)


def _invalid_link() -> DomainError:
    return DomainError(_("Liên kết không hợp lệ, đã dùng hoặc đã hết hạn."), code=AccountErrorCode.INVALID,
                       field="token")


def account_register(*, email: str, password: str, first_name: str = "", last_name: str = "",
                     language_code: str = "vi", redirect_url: str | None = None,
                     request: HttpRequest | None = None) -> tuple[User, bool]:
    """(user, requires_confirmation). With confirmation on, the account cannot sign in until the emailed
    link is opened (Saleor's enable_account_confirmation_by_email). With the HTTP request, every attempt counts
    towards the sign-in throttle (registration tells whether an e-mail has an account), recorded outside any
    transaction so a refused attempt still counts."""
    email = (email or "").strip().lower()
    if request is not None:
        key = registration_username(email=email)
        signin_throttle_check(request=request, username=key)
        signin_failure_record(request=request, username=key)
    return _account_register(email=email, password=password, first_name=first_name, last_name=last_name,
                             language_code=language_code, redirect_url=redirect_url)


@transaction.atomic
def _account_register(*, email: str, password: str, first_name: str, last_name: str, language_code: str,
                      redirect_url: str | None) -> tuple[User, bool]:
    try:
        validate_email(email)
    except ValidationError:
        raise DomainError(_("Email không hợp lệ."), code=AccountErrorCode.INVALID, field="email")
    requires_confirmation = bool(settings.ENABLE_ACCOUNT_CONFIRMATION_BY_EMAIL)
    target = redirect_url_validate(url=redirect_url) if redirect_url else _page_url("confirm_account")
    if User.objects.filter(email__iexact=email).exists():
        raise DomainError(_("Email này đã có tài khoản."), code=AccountErrorCode.UNIQUE, field="email")
    password_validate(password=password, user=User(email=email, first_name=first_name, last_name=last_name))
    user = User.objects.create_user(email=email, password=password, first_name=(first_name or "").strip(),
                                    last_name=(last_name or "").strip(), language_code=language_code,
                                    is_confirmed=not requires_confirmation)
    log_action(action="account.registered", obj=user, actor=user)
    if requires_confirmation:
        _mail(user=user, kind="confirm_account",
              url=_link(redirect_url=target, email=user.email, token=confirm_token_generator.make_token(user)))
    return user, requires_confirmation


@transaction.atomic
def account_confirm(*, email: str, token: str) -> User:
    user = user_qs_select_for_update().filter(email__iexact=(email or "").strip(), is_active=True).first()
    if user is None or user.is_confirmed or not confirm_token_generator.check_token(user, token or ""):
        raise _invalid_link()
    user.is_confirmed = True
    user.save(update_fields=["is_confirmed", "updated_at"])
    log_action(action="account.confirmed", obj=user, actor=user)
    return user


@transaction.atomic
def account_password_change(*, user: User, old_password: str | None, new_password: str) -> User:
    """The signed-in user's new password; every token signed in before stops working."""
    if user.has_usable_password() and not user.check_password(old_password or ""):
        raise DomainError(_("Mật khẩu hiện tại không đúng."), code=AccountErrorCode.INVALID_CREDENTIALS,
                          field="oldPassword")
    password_validate(password=new_password, user=user)
    user.set_password(new_password)
    user.save(update_fields=["password", "updated_at"])
    tokens_revoke_all(user=user)
    log_action(action="account.password.changed", obj=user, actor=user)
    return user


@transaction.atomic
def account_update(*, user: User, first_name: str | None = None, last_name: str | None = None,
                   language_code: str | None = None) -> User:
    fields = {"first_name": first_name, "last_name": last_name, "language_code": language_code}
    changed = [k for k, v in fields.items() if v is not None]
    for key in changed:
        setattr(user, key, fields[key].strip())
    if changed:
        user.save(update_fields=[*changed, "updated_at"])
        log_action(action="account.updated", obj=user, actor=user)
    return user


def account_deletion_request(*, user: User, redirect_url: str | None) -> None:
    """Mail the signed-in user a link that deletes the account when opened."""
    target = redirect_url_validate(url=redirect_url) if redirect_url else _page_url("delete_account")
    _mail(user=user, kind="delete_account",
          url=_link(redirect_url=target, token=delete_token_generator.make_token(user)))


@transaction.atomic
def account_delete(*, user: User, token: str) -> User:
    """Erase personal data: names, email (replaced), password, addresses, metadata; the account is closed.
    Orders stay for accounting, with the address and email they were placed with."""
    locked = user_qs_select_for_update().filter(pk=user.pk, is_active=True).first()
    if locked is None or not delete_token_generator.check_token(locked, token or ""):
        raise _invalid_link()
    address_ids = list(locked.addresses.values_list("pk", flat=True))
    locked.addresses.clear()
    locked.default_billing_address = locked.default_shipping_address = None
    locked.first_name = locked.last_name = ""
    locked.email = f"deleted-{uuid.uuid4().hex}@deleted.invalid"
    locked.metadata, locked.private_metadata = {}, {}
    locked.is_active = False
    locked.set_unusable_password()
    locked.save()
    locked.groups.clear()
    Address.objects.filter(pk__in=address_ids).delete()
    tokens_revoke_all(user=locked)
    log_action(action="account.deleted", obj=locked, actor=None)
    return locked

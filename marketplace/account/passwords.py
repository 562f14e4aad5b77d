"""Password rules (Django's validators) with Saleor's error codes, shared by registration, reset and set-password."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.password_validation import get_password_validators, validate_password
from django.core.exceptions import ValidationError

from marketplace.account.error_codes import AccountErrorCode
from marketplace.account.models import User
from marketplace.core.errors import DomainError, DomainErrors

# Used when the project sets no AUTH_PASSWORD_VALIDATORS (every account still needs a sane password).
DEFAULT_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

_CODES = {"password_too_short": AccountErrorCode.PASSWORD_TOO_SHORT,
          "password_too_common": AccountErrorCode.PASSWORD_TOO_COMMON,
          "password_entirely_numeric": AccountErrorCode.PASSWORD_ENTIRELY_NUMERIC,
          "password_too_similar": AccountErrorCode.PASSWORD_TOO_SIMILAR}


def password_validate(*, password: str, user: User) -> None:
    """Raise DomainErrors (field "password", one per broken rule) unless Django's validators accept it."""
    try:
        validate_password(password or "", user=user, password_validators=get_password_validators(
            settings.AUTH_PASSWORD_VALIDATORS or DEFAULT_PASSWORD_VALIDATORS))
    except ValidationError as exc:
        raise DomainErrors([DomainError(e.messages[0], code=_CODES.get(e.code, AccountErrorCode.INVALID_PASSWORD),
                                        field="password") for e in exc.error_list])

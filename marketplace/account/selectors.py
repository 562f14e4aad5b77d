from __future__ import annotations

from django.conf import settings

from marketplace.account.models import User

DEMO_EMAILS = ("admin@example.com", "operator@example.com", "promo@example.com")


def users_with_demo_password() -> list[str]:
    users = User.objects.filter(email__in=DEMO_EMAILS, is_active=True)
    return [u.email for u in users if u.check_password(settings.DEMO_PASSWORD)]


def user_get_by_email(*, email: str) -> User | None:
    return User.objects.filter(email__iexact=email.strip()).first()

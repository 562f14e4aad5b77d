"""A deploy check: production must not keep the demo accounts usable with the demo password."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def demo_passwords_check(app_configs=None, **kwargs):  # noqa: ARG001
    if settings.DEBUG:
        return []
    from django.db import DatabaseError

    from marketplace.account.selectors import users_with_demo_password

    try:
        emails = users_with_demo_password()
    except DatabaseError:
        return []
    return [
        Error(f"Demo account {email} still accepts the demo password.", id="ocop.E001",
              hint="Change its password or deactivate it before running in production.")
        for email in emails
    ]

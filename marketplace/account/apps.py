from django.apps import AppConfig


class AccountConfig(AppConfig):
    name = "marketplace.account"
    label = "account"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from marketplace.account import (
            checks,  # noqa: F401  (registers the production system check)
            throttle,  # noqa: F401  (audits sign-in lockouts)
        )

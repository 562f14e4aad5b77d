"""Sign-in for every page and API path: Django's ModelBackend, refusing an account whose email is not
confirmed yet (Saleor's ACCOUNT_NOT_CONFIRMED), as it refuses an inactive one."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend


class ConfirmedAccountBackend(ModelBackend):
    def user_can_authenticate(self, user) -> bool:
        return super().user_can_authenticate(user) and getattr(user, "is_confirmed", True)

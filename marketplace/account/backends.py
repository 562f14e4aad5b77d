"""Authentication backends for every page and API sign-in: django-axes' lockout guard first, then Django's
ModelBackend refusing an account whose email is not confirmed yet (Saleor's ACCOUNT_NOT_CONFIRMED), as it refuses
an inactive one."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend


class ThrottledSignInBackend(AxesStandaloneBackend):
    """django-axes' guard, first in AUTHENTICATION_BACKENDS. Without a request (code signing a user in by itself,
    Django's test client) there is no caller to throttle, so it stands aside instead of raising; every HTTP sign-in
    passes its request (marketplace/account/throttle.py)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class ConfirmedAccountBackend(ModelBackend):
    def user_can_authenticate(self, user) -> bool:
        return super().user_can_authenticate(user) and getattr(user, "is_confirmed", True)

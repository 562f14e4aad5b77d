"""The authentication backend that refuses locked-out sign-ins (django-axes), for HTTP requests only."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend


class ThrottledSignInBackend(AxesStandaloneBackend):
    """django-axes' guard, first in AUTHENTICATION_BACKENDS. Without a request (code signing a user in by itself,
    Django's test client) there is no caller to throttle, so it stands aside instead of raising; every HTTP sign-in
    passes its request (marketplace/account/throttle.py)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

"""Console sign-in and sign-out (Django's auth views with the console's templates); sign-in is throttled."""

from __future__ import annotations

from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.urls import reverse_lazy

from marketplace.account.throttle import signin_delayed_error, signin_throttle_check
from marketplace.core.errors import DomainError


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's sign-in form; a locked-out account or address gets the wait as a form message."""

    login_attempt_delayed = False

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip().lower()
        self.cleaned_data["username"] = username
        try:
            signin_throttle_check(request=self.request, username=username)
            return super().clean()
        except forms.ValidationError:
            if getattr(self.request, "axes_locked_out", False):
                self.login_attempt_delayed = True
                raise forms.ValidationError(signin_delayed_error().message, code="login_attempt_delayed") from None
            raise
        except DomainError as exc:
            self.login_attempt_delayed = True
            raise forms.ValidationError(exc.message, code="login_attempt_delayed") from None


class ConsoleLoginView(auth_views.LoginView):
    template_name = "storefront/console/login.html"
    authentication_form = ThrottledAuthenticationForm
    redirect_authenticated_user = True
    # Each person lands where their role works (storefront/nav.py decides).
    next_page = reverse_lazy("storefront:console:home")


class ConsoleLogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("storefront:console:login")

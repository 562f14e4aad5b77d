"""Console sign-in and sign-out (Django's auth views with the console's templates)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy


class ConsoleLoginView(auth_views.LoginView):
    template_name = "storefront/console/login.html"
    redirect_authenticated_user = True
    # Each person lands where their role works (storefront/nav.py decides).
    next_page = reverse_lazy("storefront:console:home")


class ConsoleLogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("storefront:console:login")

"""Sign in, sign out, register (session auth for the pages; the API uses JWT)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.account.accounts import account_register
from marketplace.account.selectors import user_is_unconfirmed
from marketplace.account.throttle import signin_delayed_error, signin_throttle_check
from marketplace.core.errors import DomainError, DomainErrors
from storefront.views.checkout.common import attach_user, flash_errors
from storefront.views.checkout.forms import LoginForm, RegisterForm


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("storefront:account_orders")


def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["email"].strip().lower()
        try:
            signin_throttle_check(request=request, username=username)
        except DomainError as exc:
            messages.error(request, exc.message)
            return render(request, "storefront/checkout/login.html", {"form": form, "next": _next(request)})
        user = authenticate(request, username=username, password=form.cleaned_data["password"])
        if user is None and getattr(request, "axes_locked_out", False):
            messages.error(request, signin_delayed_error().message)
        elif user is None and user_is_unconfirmed(email=username, password=form.cleaned_data["password"]):
            messages.error(request, _("Tài khoản chưa được xác nhận: hãy mở liên kết trong email đăng ký."))
        elif user is None:
            messages.error(request, _("Email hoặc mật khẩu không đúng."))
        else:
            login(request, user)
            attach_user(request)
            return redirect(_next(request))
    return render(request, "storefront/checkout/login.html", {"form": form, "next": _next(request)})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("storefront:cart")


def register_view(request: HttpRequest) -> HttpResponse:
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user, requires_confirmation = account_register(
                email=form.cleaned_data["email"], password=form.cleaned_data["password"],
                first_name=form.cleaned_data["name"], language_code=request.LANGUAGE_CODE, request=request)
        except (DomainError, DomainErrors) as exc:
            flash_errors(request, exc)
        else:
            if requires_confirmation:
                messages.success(request, _("Đã tạo tài khoản. Hãy mở liên kết trong email chúng tôi vừa gửi để "
                                            "xác nhận, rồi đăng nhập."))
                return redirect("storefront:login")
            login(request, user, backend="marketplace.account.backends.ConfirmedAccountBackend")
            attach_user(request)
            messages.success(request, _("Đã tạo tài khoản."))
            return redirect(_next(request))
    return render(request, "storefront/checkout/register.html", {"form": form, "next": _next(request)})

"""Forgot password (shop and console) and the set-password page every emailed link opens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marketplace.account.password_reset import password_link_is_valid, password_reset_request, password_set
from marketplace.core.errors import DomainError, DomainErrors
from storefront.nav import staff_home_url
from storefront.views.console.staff_forms import EmailForm, SetPasswordForm

LAYOUTS = {"shop": "storefront/base.html", "console": "storefront/console/base.html"}
SENT = gettext_lazy("Nếu email này có tài khoản, chúng tôi đã gửi liên kết đặt lại mật khẩu. Hãy kiểm tra hộp thư.")


def _forgot(request: HttpRequest, *, surface: str) -> HttpResponse:
    form = EmailForm(request.POST or None)
    sent = False
    if request.method == "POST" and form.is_valid():
        try:
            password_reset_request(email=form.cleaned_data["email"],
                                   redirect_url=request.build_absolute_uri(reverse("storefront:password_set")))
        except DomainError as exc:
            form.add_error(None, f"{exc.message} ({exc.code})")
        else:
            sent = True
    login_url = reverse("storefront:console:login" if surface == "console" else "storefront:login")
    return render(request, "storefront/password/forgot.html", {
        "form": form, "sent": sent, "sent_text": SENT, "layout": LAYOUTS[surface], "login_url": login_url})


def forgot_shop(request: HttpRequest) -> HttpResponse:
    return _forgot(request, surface="shop")


def forgot_console(request: HttpRequest) -> HttpResponse:
    return _forgot(request, surface="console")


def set_password(request: HttpRequest) -> HttpResponse:
    email = request.GET.get("email", "")
    token = request.GET.get("token", "")
    form = SetPasswordForm(request.POST or None)
    valid = password_link_is_valid(email=email, token=token)
    if valid and request.method == "POST" and form.is_valid():
        try:
            user = password_set(email=email, token=token, password=form.cleaned_data["password"])
        except DomainErrors as exc:
            for error in exc.errors:
                form.add_error("password", error.message)
        except DomainError as exc:
            form.add_error(None, exc.message)
            valid = False
        else:
            login(request, user, backend="marketplace.account.backends.ConfirmedAccountBackend")
            messages.success(request, _("Đã đặt mật khẩu. Bạn đã đăng nhập."))
            return redirect(staff_home_url(user) if user.is_staff and staff_home_url(user)
                            else reverse("storefront:account_orders"))
    return render(request, "storefront/password/set.html", {
        "form": form, "valid": valid, "email": email, "layout": LAYOUTS["console"],
        "forgot_url": reverse("storefront:password_forgot")})

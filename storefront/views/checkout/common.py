"""The shopper's current checkout lives in the session (guests) and, when signed in, on the account."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest

from marketplace.checkout import services as checkout_services
from marketplace.checkout.selectors import checkout_get, checkouts_for_user
from marketplace.core.errors import DomainError, DomainErrors
from storefront.views.checkout.messages import error_messages

SESSION_KEY = "checkout_token"


def current_checkout(request: HttpRequest):
    checkout = checkout_get(token=request.session.get(SESSION_KEY))
    user = request.user
    if checkout is None and user.is_authenticated:
        checkout = checkouts_for_user(user_id=user.pk).order_by("-updated_at").first()
        if checkout is not None:
            remember(request, checkout)
    if checkout is not None and checkout.user_id and (not user.is_authenticated or checkout.user_id != user.pk):
        return None  # someone else's cart left in this browser session
    return checkout


def remember(request: HttpRequest, checkout) -> None:
    request.session[SESSION_KEY] = str(checkout.pk)


def forget(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)


def attach_user(request: HttpRequest) -> None:
    """After sign-in, a guest cart becomes the account's cart (its order then shows in the history)."""
    checkout = checkout_get(token=request.session.get(SESSION_KEY))
    if checkout is not None and checkout.user_id is None and request.user.is_authenticated:
        checkout_services.checkout_customer_attach(checkout=checkout, user=request.user)


def flash_errors(request: HttpRequest, exc: DomainError | DomainErrors) -> None:
    for text in error_messages(exc):
        messages.error(request, text)


def channel_slug() -> str:
    return settings.DEFAULT_CHANNEL_SLUG

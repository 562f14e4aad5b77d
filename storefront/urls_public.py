"""Absolute public URLs (QR codes, structured data): built from settings.PUBLIC_URL, in the default language
so a printed QR code keeps working whatever language its reader's browser prefers."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation


def _absolute(path: str) -> str:
    return f"{settings.PUBLIC_URL.rstrip('/')}{path}"


def verification_url(number: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return _absolute(reverse("storefront:verify", kwargs={"number": number}))


def product_public_url(slug: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return _absolute(reverse("storefront:product", args=[slug]))

"""Certificate verification (/verify/<number>/), the page the QR code on a product leads to. It answers for
any certificate we hold, including ones whose products are no longer sold."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from marketplace.certification.selectors import certificate_verify
from marketplace.search.catalog import product_slug_shown

MAX_NUMBER_LENGTH = 100


def verify_index(request: HttpRequest) -> HttpResponse:
    number = _clean(request.GET.get("number") or "")
    if number and len(number) <= MAX_NUMBER_LENGTH:
        return redirect(reverse("storefront:verify", kwargs={"number": number}))
    return render(request, "storefront/verify_index.html", {"number": number[:MAX_NUMBER_LENGTH]})


def _clean(number: str) -> str:
    """Printable characters only (PostgreSQL refuses NUL bytes), without surrounding slashes."""
    return "".join(ch for ch in number if ch.isprintable()).strip().strip("/")


def verify(request: HttpRequest, number: str) -> HttpResponse:
    readable = _clean(number)
    looks_like_a_number = readable == number.strip().strip("/") and 0 < len(readable) <= MAX_NUMBER_LENGTH
    verification = certificate_verify(number=readable) if looks_like_a_number else None
    if verification is None:
        return render(request, "storefront/verify_not_found.html", {"number": readable[:MAX_NUMBER_LENGTH]},
                      status=404)
    certificate = verification.certificate
    return render(request, "storefront/verify.html", {
        "v": verification,
        "certificate": certificate,
        "product_slug": product_slug_shown(product_id=certificate.product_id),
    })

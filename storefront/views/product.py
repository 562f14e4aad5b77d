from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from marketplace.search.catalog import product_page_get
from storefront.structured_data import product_json_ld
from storefront.urls_public import product_public_url, verification_url


def product_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = product_page_get(slug=slug, language_code=get_language())
    if page is None:
        return render(request, "storefront/not_found.html", {"what": "product"}, status=404)
    verify_url = verification_url(page.certificate.number) if page.certificate else None
    return render(request, "storefront/product.html", {
        "page": page,
        "verify_url": verify_url,
        "json_ld": product_json_ld(page, url=product_public_url(page.product.slug)),
    })

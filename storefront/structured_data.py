"""schema.org Product structured data (JSON-LD) for the product page."""

from __future__ import annotations

import json

from django.utils.html import _json_script_escapes
from django.utils.safestring import SafeString, mark_safe

from marketplace.search.catalog import ProductPage


def product_json_ld(page: ProductPage, *, url: str) -> SafeString:
    offers = [
        {
            "@type": "Offer",
            "name": variant.name,
            "sku": variant.sku or None,
            "price": str(variant.price),
            "priceCurrency": "VND",
            "availability": "https://schema.org/InStock" if page.on_sale else "https://schema.org/OutOfStock",
            "url": url,
        }
        for variant in page.variants
        if variant.price is not None
    ]
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": page.name,
        "description": page.description[:500] or None,
        "url": url,
        "image": [m.url for m in page.media] or None,
        "category": page.product.category.name if page.product.category else None,
        "brand": {"@type": "Organization", "name": page.producer.name} if page.producer else None,
        "offers": offers or None,
    }
    if page.certificate is not None:
        data["award"] = f"OCOP {page.certificate.stars} sao ({page.certificate.number})"
    data = {k: v for k, v in data.items() if v is not None}
    # Escape <, > and & as json_script does, so no text in the data can close the <script> element.
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_json_script_escapes))

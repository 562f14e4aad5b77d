from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from marketplace.core.geography import PROVINCES_BY_CODE
from marketplace.producer.selectors import producer_get_by_slug
from marketplace.search.catalog import product_cards_get
from marketplace.search.selectors import product_search
from storefront import presenters
from storefront.forms import PAGE_SIZE, page_parse


def producer_detail(request: HttpRequest, slug: str) -> HttpResponse:
    producer = producer_get_by_slug(slug=slug)
    if producer is None:
        return render(request, "storefront/not_found.html", {"what": "producer"}, status=404)
    page_number = page_parse(request.GET)
    result = product_search(producer_id=producer.pk, sort="stars", offset=(page_number - 1) * PAGE_SIZE,
                            limit=PAGE_SIZE)
    page = presenters.pagination(total=result.total, page=page_number)
    return render(request, "storefront/producer.html", {
        "producer": producer,
        "province": PROVINCES_BY_CODE.get(producer.province_code),
        "cards": product_cards_get(product_ids=result.product_ids, language_code=get_language()),
        "result": result,
        "page": page,
    }, status=404 if page_number > page.pages else 200)

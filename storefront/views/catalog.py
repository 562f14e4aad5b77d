"""The catalogue: browse and search (/san-pham/), a product group (/danh-muc/<slug>/), a province
(/tinh/<code>/)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marketplace.core.geography import PROVINCES_BY_CODE, province_resolve
from marketplace.product.selectors import category_tree_get
from marketplace.search.backends.base import SearchText
from marketplace.search.catalog import product_cards_get
from marketplace.search.selectors import product_search
from storefront import presenters
from storefront.forms import PAGE_SIZE, catalog_params_parse


def catalog(request: HttpRequest, group_slug: str | None = None, province_code: str | None = None
            ) -> HttpResponse:
    language = get_language()
    tree = category_tree_get(language_code=language)
    params = catalog_params_parse(request.GET, tree=tree)
    if group_slug is not None:
        params.group = tree.find(group_slug)
        if params.group is None:
            return render(request, "storefront/not_found.html", {"what": "group"}, status=404)
    if province_code is not None:
        province = province_resolve(province_code)
        if province is None:
            return render(request, "storefront/not_found.html", {"what": "province"}, status=404)
        if province.code != province_code:  # an old or spelled-out name: send to the current province's page
            return redirect(reverse("storefront:province", args=[province.code]), permanent=True)
        params.province = province

    result = product_search(
        text=params.q, stars=params.stars, category_id=params.group.id if params.group else None,
        province=params.province.code if params.province else None, price_min=params.price_min,
        price_max=params.price_max, at_sales_point=params.sales_point, sort=params.sort, offset=params.offset,
        limit=PAGE_SIZE,
    )
    cards = product_cards_get(product_ids=result.product_ids, language_code=language)
    page = presenters.pagination(total=result.total, page=params.page)
    past_the_end = params.page > page.pages
    symbols_only = bool(params.q) and SearchText.parse(params.q).is_empty

    if params.q:
        heading = _("Kết quả tìm kiếm cho “%(q)s”") % {"q": params.q}
    elif group_slug is not None and params.group:
        heading = params.group.name
    elif province_code is not None and params.province:
        heading = _("Sản phẩm OCOP %(province)s") % {"province": params.province.name}
    else:
        heading = _("Sản phẩm OCOP")

    context = {
        "heading": heading,
        "params": params,
        "result": result,
        "cards": cards,
        "page": page,
        "past_the_end": past_the_end,
        "symbols_only": symbols_only,
        "ignored_notice": presenters.ignored_notice(params),
        "star_options": presenters.star_options(result.facets, params),
        "group_options": presenters.group_options(result.facets, params, tree),
        "province_options": presenters.province_options(result.facets, params),
        "sort_options": presenters.sort_options(params),
        "form_action": reverse("storefront:catalog"),
        "search_text": params.q,
        "province_old_names": params.province.merged_from if params.province else (),
        "province_by_code": PROVINCES_BY_CODE,
    }
    template = "storefront/catalog/_results.html" if request.htmx else "storefront/catalog/catalog.html"
    return render(request, template, context, status=404 if past_the_end else 200)

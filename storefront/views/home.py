from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from marketplace.fair.selectors import fairs_for_home
from marketplace.product.selectors import category_tree_get
from marketplace.search.catalog import product_cards_get, products_recently_certified_ids
from marketplace.search.selectors import product_search
from storefront.forms import CatalogParams
from storefront.presenters import province_options

SECTION_SIZE = 8


def home(request: HttpRequest) -> HttpResponse:
    language = get_language()
    everything = product_search(limit=0)
    five_star = product_search(stars=[5], limit=SECTION_SIZE)
    recent_ids = products_recently_certified_ids(limit=SECTION_SIZE)
    cards = {c.id: c for c in product_cards_get(product_ids=[*five_star.product_ids, *recent_ids],
                                                  language_code=language)}
    tree = category_tree_get(language_code=language)
    group_counts = tree.rolled_up_counts(everything.facets.categories)
    return render(request, "storefront/home.html", {
        "five_star": [cards[pk] for pk in five_star.product_ids if pk in cards],
        "five_star_total": five_star.total,
        "recent": [cards[pk] for pk in recent_ids if pk in cards],
        "total": everything.total,
        "groups": [(node, group_counts.get(node.id, 0)) for node in tree.roots],
        "provinces": [o for o in province_options(everything.facets, CatalogParams()) if o.count],
        "fairs": fairs_for_home(),
    })

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from marketplace.menu.models import Menu, MenuItem


def menu_list() -> QuerySet[Menu]:
    items = MenuItem.objects.select_related("category", "collection", "page", "page__page_type").prefetch_related(
        "translations")
    return Menu.objects.prefetch_related(Prefetch("items", queryset=items))

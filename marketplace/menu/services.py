from __future__ import annotations

from marketplace.menu.models import Menu, MenuItem, MenuItemTranslation


def menu_ensure(*, slug: str, name: str) -> Menu:
    menu, _ = Menu.objects.get_or_create(slug=slug, defaults={"name": name})
    return menu


def menu_item_ensure(*, menu: Menu, name: str, name_en: str = "", sort_order: int = 0, parent: MenuItem | None = None,
                     category_id: int | None = None, collection_id: int | None = None, page_id: int | None = None,
                     url: str | None = None) -> MenuItem:
    item, _ = MenuItem.objects.update_or_create(
        menu=menu, name=name, parent=parent,
        defaults={"sort_order": sort_order, "category_id": category_id, "collection_id": collection_id,
                  "page_id": page_id, "url": url, "level": (parent.level + 1) if parent else 0},
    )
    if name_en:
        MenuItemTranslation.objects.update_or_create(menu_item=item, language_code="en",
                                                     defaults={"name": name_en})
    return item

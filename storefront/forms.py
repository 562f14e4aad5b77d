"""Catalog query parameters: read leniently. A value we do not understand is dropped and reported back to the
shopper (a notice on the page), never a server error."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from marketplace.core.geography import Province, province_resolve
from marketplace.core.text import ascii_int
from marketplace.product.selectors import CategoryNode, CategoryTree
from marketplace.search.backends.base import MAX_QUERY_LENGTH, SearchSort

PAGE_SIZE = 24
MAX_PAGE = 1_000_000  # beyond any catalogue; larger numbers are not understood rather than overflowing
STAR_CHOICES = (5, 4, 3)
MAX_PRICE = 10**12

SORT_LABELS = {
    SearchSort.RELEVANCE: _("Liên quan nhất"),
    SearchSort.STARS: _("Nhiều sao nhất"),
    SearchSort.NEWEST: _("Mới nhất"),
    SearchSort.PRICE_ASC: _("Giá thấp đến cao"),
    SearchSort.PRICE_DESC: _("Giá cao đến thấp"),
}


@dataclass
class CatalogParams:
    q: str = ""
    q_truncated: bool = False
    stars: list[int] = field(default_factory=list)
    group: CategoryNode | None = None
    province: Province | None = None
    price_min: int | None = None
    price_max: int | None = None
    sales_point: bool = False
    sort: SearchSort = SearchSort.RELEVANCE
    page: int = 1
    ignored: list[str] = field(default_factory=list)  # parameter names whose values were not understood

    @property
    def offset(self) -> int:
        return (self.page - 1) * PAGE_SIZE

    @property
    def active_filter_count(self) -> int:
        return (len(self.stars) + bool(self.group) + bool(self.province) + bool(self.sales_point)
                + (self.price_min is not None or self.price_max is not None))

    @property
    def has_filters(self) -> bool:
        return self.active_filter_count > 0


def _int_or_none(value: str | None) -> int | None:
    value = (value or "").strip().replace(".", "").replace(",", "").replace(" ", "")
    if not value:
        return None
    number = ascii_int(value, max_digits=13)
    if number is None:
        raise ValueError(value)
    return number


def catalog_params_parse(data: QueryDict, *, tree: CategoryTree) -> CatalogParams:
    params = CatalogParams()
    raw_q = (data.get("q") or "").strip()
    params.q = raw_q[:MAX_QUERY_LENGTH]
    params.q_truncated = len(raw_q) > MAX_QUERY_LENGTH

    for value in data.getlist("stars"):
        if ascii_int(value, max_digits=1) in STAR_CHOICES:
            params.stars.append(ascii_int(value))
        elif value.strip():
            params.ignored.append("stars")
    params.stars = sorted(set(params.stars), reverse=True)

    if group := (data.get("group") or "").strip():
        params.group = tree.find(group)
        if params.group is None:
            params.ignored.append("group")

    if province := (data.get("province") or "").strip():
        params.province = province_resolve(province)
        if params.province is None:
            params.ignored.append("province")

    for name in ("price_min", "price_max"):
        try:
            value = _int_or_none(data.get(name))
        except ValueError:
            params.ignored.append(name)
            continue
        if value is not None and value > MAX_PRICE:
            params.ignored.append(name)
            continue
        setattr(params, name, value)
    if params.price_min is not None and params.price_max is not None and params.price_min > params.price_max:
        params.price_min, params.price_max = params.price_max, params.price_min

    params.sales_point = (data.get("sales_point") or "").strip().lower() in {"1", "on", "true", "yes"}

    sort = (data.get("sort") or "").strip()
    if sort:
        try:
            params.sort = SearchSort(sort)
        except ValueError:
            params.ignored.append("sort")

    params.page = page_parse(data, ignored=params.ignored)
    return params


def page_parse(data: QueryDict, *, ignored: list[str] | None = None) -> int:
    page = (data.get("page") or "").strip()
    number = ascii_int(page)
    if number is not None and 1 <= number <= MAX_PAGE:
        return number
    if page and ignored is not None:
        ignored.append("page")
    return 1

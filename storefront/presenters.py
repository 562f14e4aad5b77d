"""Shape search results for templates: facet options with counts, pagination links. No queries here."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from marketplace.core.geography import PROVINCES, Province
from marketplace.core.text import fold
from marketplace.product.selectors import CategoryNode, CategoryTree
from marketplace.search.backends.base import SearchFacets
from storefront.forms import PAGE_SIZE, SORT_LABELS, STAR_CHOICES, CatalogParams


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    level: int = 0


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: an ellipsis
    current: bool = False


@dataclass(frozen=True)
class Pagination:
    page: int
    pages: int
    links: list[PageLink]

    @property
    def previous(self) -> int | None:
        return self.page - 1 if 1 < self.page <= self.pages else None

    @property
    def next(self) -> int | None:
        return self.page + 1 if self.page < self.pages else None


def star_options(facets: SearchFacets, params: CatalogParams) -> list[FacetOption]:
    return [FacetOption(value=str(s), label=str(s), count=facets.stars.get(s, 0), selected=s in params.stars)
            for s in STAR_CHOICES]


def group_options(facets: SearchFacets, params: CatalogParams, tree: CategoryTree) -> list[FacetOption]:
    """Top-level groups, and the branch down to the selected group with its sub-groups, with their counts."""
    counts = tree.rolled_up_counts(facets.categories)
    open_ids = {node.id for node in tree.path(params.group)} if params.group else set()
    options: list[FacetOption] = []

    def add(nodes: list[CategoryNode]) -> None:
        for node in nodes:
            count = counts.get(node.id, 0)
            selected = params.group is not None and node.id == params.group.id
            if count or selected or node.id in open_ids:
                options.append(FacetOption(value=node.slug, label=node.name, count=count, selected=selected,
                                           level=node.level))
            if node.id in open_ids:
                add(node.children)

    add(tree.roots)
    return options


def province_options(facets: SearchFacets, params: CatalogParams) -> list[FacetOption]:
    selected = params.province.code if params.province else None
    ordered: list[Province] = sorted(PROVINCES, key=lambda p: fold(p.name))
    return [FacetOption(value=p.code, label=p.name, count=facets.provinces.get(p.code, 0),
                        selected=p.code == selected) for p in ordered]


def sort_options(params: CatalogParams) -> list[FacetOption]:
    return [FacetOption(value=str(value), label=str(label), count=0, selected=value == params.sort)
            for value, label in SORT_LABELS.items()]


def pagination(*, total: int, page: int, size: int = PAGE_SIZE) -> Pagination:
    pages = max(1, -(-total // size))
    wanted = sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})
    links: list[PageLink] = []
    for number in wanted:
        if links and links[-1].number is not None and number - links[-1].number > 1:
            links.append(PageLink(number=None))
        links.append(PageLink(number=number, current=number == page))
    return Pagination(page=page, pages=pages, links=links)


def ignored_notice(params: CatalogParams) -> str:
    if not params.ignored:
        return ""
    return _("Một số bộ lọc không hợp lệ nên đã được bỏ qua.")

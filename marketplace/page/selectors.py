from __future__ import annotations

from django.db.models import QuerySet

from marketplace.page.models import Page


def page_list(*, published_only: bool = True) -> QuerySet[Page]:
    qs = Page.objects.select_related("page_type").prefetch_related("translations")
    return qs.filter(is_published=True) if published_only else qs


def page_get(*, slug: str | None = None, pk: int | None = None, published_only: bool = True) -> Page | None:
    qs = page_list(published_only=published_only)
    if pk is not None:
        return qs.filter(pk=pk).first()
    return qs.filter(slug=slug).first()

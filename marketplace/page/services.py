from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from marketplace.page.models import Page, PageTranslation, PageType


def _blocks(text: str) -> dict:
    return {"time": 0, "version": "2.24.3",
            "blocks": [{"type": "paragraph", "data": {"text": p.strip()}} for p in text.split("\n\n") if p.strip()]}


@transaction.atomic
def page_ensure(*, slug: str, title: str, content: str, title_en: str = "", content_en: str = "",
                page_type_slug: str = "thong-tin") -> Page:
    """Create or update a published content page (idempotent)."""
    page_type, _ = PageType.objects.get_or_create(slug=page_type_slug, defaults={"name": "Thông tin"})
    page, _ = Page.objects.update_or_create(
        slug=slug,
        defaults={"title": title, "content": _blocks(content), "page_type": page_type, "is_published": True,
                  "published_at": timezone.now(), "seo_title": title[:70], "seo_description": content[:300]},
    )
    if title_en:
        PageTranslation.objects.update_or_create(
            page=page, language_code="en", defaults={"title": title_en, "content": _blocks(content_en)})
    return page

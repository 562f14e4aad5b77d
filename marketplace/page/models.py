from __future__ import annotations

from django.db import models

from marketplace.core.models import ModelWithMetadata


class PageType(ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)

    def __str__(self) -> str:
        return self.name


class Page(ModelWithMetadata):
    page_type = models.ForeignKey(PageType, on_delete=models.CASCADE, related_name="pages")
    title = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    content = models.JSONField(blank=True, null=True)  # EditorJS blocks, as Saleor stores rich text
    seo_title = models.CharField(max_length=70, blank=True, null=True)
    seo_description = models.CharField(max_length=300, blank=True, null=True)
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title


class PageTranslation(models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=35)
    title = models.CharField(max_length=250, blank=True, null=True)
    content = models.JSONField(blank=True, null=True)
    seo_title = models.CharField(max_length=70, blank=True, null=True)
    seo_description = models.CharField(max_length=300, blank=True, null=True)

    class Meta:
        unique_together = [("language_code", "page")]

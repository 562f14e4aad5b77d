from __future__ import annotations

from django.db import models

from marketplace.core.models import ModelWithMetadata


class Menu(ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class MenuItem(ModelWithMetadata):
    menu = models.ForeignKey(Menu, related_name="items", on_delete=models.CASCADE)
    name = models.CharField(max_length=128)
    parent = models.ForeignKey("self", null=True, blank=True, related_name="children", on_delete=models.CASCADE)
    url = models.URLField(max_length=256, blank=True, null=True)
    category = models.ForeignKey("product.Category", blank=True, null=True, on_delete=models.CASCADE)
    collection = models.ForeignKey("product.Collection", blank=True, null=True, on_delete=models.CASCADE)
    page = models.ForeignKey("page.Page", blank=True, null=True, on_delete=models.CASCADE)
    level = models.PositiveSmallIntegerField(default=0)
    sort_order = models.IntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.name


class MenuItemTranslation(models.Model):
    menu_item = models.ForeignKey(MenuItem, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=35)
    name = models.CharField(max_length=128)

    class Meta:
        unique_together = [("language_code", "menu_item")]

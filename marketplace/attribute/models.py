from __future__ import annotations

from django.db import models

from marketplace.core.models import ModelWithMetadata


class AttributeInputType(models.TextChoices):
    DROPDOWN = "dropdown"
    MULTISELECT = "multiselect"
    NUMERIC = "numeric"
    PLAIN_TEXT = "plain-text"


class Attribute(ModelWithMetadata):
    slug = models.SlugField(max_length=250, unique=True)
    name = models.CharField(max_length=255)
    type = models.CharField(max_length=50, default="PRODUCT_TYPE")
    input_type = models.CharField(max_length=50, choices=AttributeInputType.choices,
                                  default=AttributeInputType.DROPDOWN)
    value_required = models.BooleanField(default=False)
    visible_in_storefront = models.BooleanField(default=True)
    filterable_in_storefront = models.BooleanField(default=True)
    storefront_search_position = models.IntegerField(default=0)

    class Meta:
        ordering = ["storefront_search_position", "slug"]

    def __str__(self) -> str:
        return self.name


class AttributeTranslation(models.Model):
    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=35)
    name = models.CharField(max_length=255)

    class Meta:
        unique_together = [("language_code", "attribute")]


class AttributeValue(models.Model):
    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE, related_name="values")
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255)
    sort_order = models.IntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        unique_together = [("slug", "attribute")]

    def __str__(self) -> str:
        return self.name


class AttributeValueTranslation(models.Model):
    attribute_value = models.ForeignKey(AttributeValue, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=35)
    name = models.CharField(max_length=250)

    class Meta:
        unique_together = [("language_code", "attribute_value")]


class AttributeProduct(models.Model):
    """An attribute assigned to a product type (Saleor's productAttributes)."""

    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE, related_name="attributeproduct")
    product_type = models.ForeignKey("product.ProductType", on_delete=models.CASCADE,
                                     related_name="attributeproduct")
    sort_order = models.IntegerField(default=0)

    class Meta:
        unique_together = [("attribute", "product_type")]
        ordering = ["sort_order", "pk"]


class AssignedProductAttributeValue(models.Model):
    value = models.ForeignKey(AttributeValue, on_delete=models.CASCADE, related_name="productvalueassignment")
    product = models.ForeignKey("product.Product", on_delete=models.CASCADE, related_name="attributevalues")
    sort_order = models.IntegerField(default=0)

    class Meta:
        unique_together = [("value", "product")]
        ordering = ["sort_order", "pk"]

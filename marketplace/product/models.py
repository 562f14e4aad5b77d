from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models

from marketplace.core.models import ModelWithMetadata


class Category(ModelWithMetadata):
    """A node of the OCOP product-group tree (Decision 148/QĐ-TTg): `code` is the annex position, e.g. I.4.a."""

    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    code = models.CharField(max_length=16, unique=True, null=True, blank=True)
    description = models.JSONField(blank=True, null=True)
    parent = models.ForeignKey("self", null=True, blank=True, related_name="children", on_delete=models.CASCADE)
    level = models.PositiveSmallIntegerField(default=0)
    sort_order = models.IntegerField(default=0)
    seo_title = models.CharField(max_length=70, blank=True, null=True)
    seo_description = models.CharField(max_length=300, blank=True, null=True)
    background_image = models.ImageField(upload_to="category-backgrounds", blank=True, null=True)
    background_image_alt = models.CharField(max_length=128, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_order", "code", "pk"]

    def __str__(self) -> str:
        return self.name


class CategoryTranslation(models.Model):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=35)
    name = models.CharField(max_length=250, blank=True, null=True)
    description = models.JSONField(blank=True, null=True)
    seo_title = models.CharField(max_length=70, blank=True, null=True)
    seo_description = models.CharField(max_length=300, blank=True, null=True)

    class Meta:
        unique_together = [("language_code", "category")]


class ProductType(ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    kind = models.CharField(max_length=32, default="NORMAL")
    has_variants = models.BooleanField(default=True)
    is_shipping_required = models.BooleanField(default=True)
    weight_grams = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class Product(ModelWithMetadata):
    product_type = models.ForeignKey(ProductType, related_name="products", on_delete=models.CASCADE)
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    description = models.JSONField(blank=True, null=True)  # EditorJS blocks
    description_plaintext = models.TextField(blank=True, default="")
    # Set when catalogue staff edit the description: the registry sync then stops overwriting it.
    description_edited_at = models.DateTimeField(null=True, blank=True)
    category = models.ForeignKey(Category, related_name="products", on_delete=models.SET_NULL, null=True,
                                 blank=True)
    producer = models.ForeignKey("producer.Producer", related_name="products", on_delete=models.SET_NULL,
                                 null=True, blank=True)
    # The registry record id this product came from (e.g. "HT-2024-0153"); Saleor's externalReference.
    external_reference = models.CharField(max_length=250, unique=True, blank=True, null=True)
    seo_title = models.CharField(max_length=70, blank=True, null=True)
    seo_description = models.CharField(max_length=300, blank=True, null=True)
    rating = models.FloatField(null=True, blank=True)
    weight_grams = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    # Search: folded text (diacritics and đ removed) and its tsvector; written by marketplace.search.
    search_document = models.TextField(blank=True, default="")
    search_vector = SearchVectorField(null=True, blank=True)
    search_index_dirty = models.BooleanField(default=True, db_index=True)

    class Meta:
        ordering = ["slug"]
        indexes = [GinIndex(fields=["search_vector"], name="product_search_vector_gin")]

    def __str__(self) -> str:
        return self.name


class ProductTranslation(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=35)
    name = models.CharField(max_length=250, blank=True, null=True)
    description = models.JSONField(blank=True, null=True)
    seo_title = models.CharField(max_length=70, blank=True, null=True)
    seo_description = models.CharField(max_length=300, blank=True, null=True)

    class Meta:
        unique_together = [("language_code", "product")]


class ProductVariant(ModelWithMetadata):
    """A packaging of a product (e.g. "Chai 500 ml", "Hộp 300 g")."""

    product = models.ForeignKey(Product, related_name="variants", on_delete=models.CASCADE)
    sku = models.CharField(max_length=255, unique=True, null=True, blank=True)
    name = models.CharField(max_length=255, blank=True)
    barcode = models.CharField(max_length=64, blank=True, db_index=True)
    track_inventory = models.BooleanField(default=True)
    quantity_limit_per_customer = models.PositiveIntegerField(null=True, blank=True)
    weight_grams = models.PositiveIntegerField(null=True, blank=True)
    external_reference = models.CharField(max_length=250, unique=True, blank=True, null=True)
    sort_order = models.IntegerField(default=0, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_order", "sku", "pk"]

    def __str__(self) -> str:
        return self.name or self.sku or f"ID:{self.pk}"


class ProductVariantTranslation(models.Model):
    product_variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=35)
    name = models.CharField(max_length=255, blank=True)

    class Meta:
        unique_together = [("language_code", "product_variant")]


class ProductMediaType(models.TextChoices):
    IMAGE = "IMAGE"
    VIDEO = "VIDEO"


class ProductMedia(ModelWithMetadata):
    product = models.ForeignKey(Product, related_name="media", on_delete=models.CASCADE)
    image = models.ImageField(upload_to="products", blank=True, null=True)
    alt = models.CharField(max_length=250, blank=True)
    type = models.CharField(max_length=32, choices=ProductMediaType.choices, default=ProductMediaType.IMAGE)
    external_url = models.CharField(max_length=500, blank=True, null=True)
    sort_order = models.IntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "pk"]


class ProductChannelListing(models.Model):
    product = models.ForeignKey(Product, related_name="channel_listings", on_delete=models.CASCADE)
    channel = models.ForeignKey("channel.Channel", related_name="product_listings", on_delete=models.CASCADE)
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    visible_in_listings = models.BooleanField(default=True)
    available_for_purchase_at = models.DateTimeField(null=True, blank=True)
    currency = models.CharField(max_length=3, default="VND")
    # Cheapest variant price in this channel, kept by product services for sorting and price filters.
    discounted_price_amount = models.DecimalField(max_digits=14, decimal_places=0, null=True, blank=True)

    class Meta:
        unique_together = [("product", "channel")]
        ordering = ["pk"]


class ProductVariantChannelListing(models.Model):
    variant = models.ForeignKey(ProductVariant, related_name="channel_listings", on_delete=models.CASCADE)
    channel = models.ForeignKey("channel.Channel", related_name="variant_listings", on_delete=models.CASCADE)
    currency = models.CharField(max_length=3, default="VND")
    price_amount = models.DecimalField(max_digits=14, decimal_places=0, null=True, blank=True)
    cost_price_amount = models.DecimalField(max_digits=14, decimal_places=0, null=True, blank=True)
    prior_price_amount = models.DecimalField(max_digits=14, decimal_places=0, null=True, blank=True)

    class Meta:
        unique_together = [("variant", "channel")]
        ordering = ["pk"]


class Collection(ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    products = models.ManyToManyField(Product, blank=True, related_name="collections", through="CollectionProduct")
    background_image = models.ImageField(upload_to="collection-backgrounds", blank=True, null=True)
    background_image_alt = models.CharField(max_length=128, blank=True)
    description = models.JSONField(blank=True, null=True)
    seo_title = models.CharField(max_length=70, blank=True, null=True)
    seo_description = models.CharField(max_length=300, blank=True, null=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class CollectionProduct(models.Model):
    collection = models.ForeignKey(Collection, related_name="collectionproduct", on_delete=models.CASCADE)
    product = models.ForeignKey(Product, related_name="collectionproduct", on_delete=models.CASCADE)
    sort_order = models.IntegerField(default=0)

    class Meta:
        unique_together = [("collection", "product")]


class CollectionChannelListing(models.Model):
    collection = models.ForeignKey(Collection, related_name="channel_listings", on_delete=models.CASCADE)
    channel = models.ForeignKey("channel.Channel", related_name="collection_listings", on_delete=models.CASCADE)
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        unique_together = [("collection", "channel")]


class CollectionTranslation(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=35)
    name = models.CharField(max_length=250, blank=True, null=True)
    description = models.JSONField(blank=True, null=True)
    seo_title = models.CharField(max_length=70, blank=True, null=True)
    seo_description = models.CharField(max_length=300, blank=True, null=True)

    class Meta:
        unique_together = [("language_code", "collection")]

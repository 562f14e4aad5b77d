from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class ProductSearchEntry(models.Model):
    """What search reads for one product in one channel: one narrow row, written only by the indexer.

    Search, facet counts and sorting scan these rows instead of joining products, certificates, listings and
    stock per request (bench/storefront.py: ~15,000 matching rows at 100,000 products cost ~200 ms live).
    The listing rule still holds at query time: `listable_until` is the last day of the product's valid
    certificates (computed with certification.selectors.valid_certificates), compared with today's date on
    every query, so expiry needs no reindex; status and star changes arrive with the indexer (every minute,
    and on demand after a sync). Products shown to shoppers are re-checked live (marketplace.search.catalog).
    """

    product = models.ForeignKey("product.Product", on_delete=models.CASCADE, related_name="+")
    channel = models.ForeignKey("channel.Channel", on_delete=models.CASCADE, related_name="+")
    visible = models.BooleanField(default=False)  # published and visible in listings
    published_at = models.DateTimeField(null=True, blank=True)  # compared with now on every query
    listable_until = models.DateField(null=True, blank=True)
    stars = models.PositiveSmallIntegerField(null=True, blank=True)  # of the current certificate
    price = models.DecimalField(max_digits=14, decimal_places=0, null=True, blank=True)  # cheapest variant
    in_sales_point = models.BooleanField(default=False)
    category_id = models.BigIntegerField(null=True, blank=True)
    category_parent_id = models.BigIntegerField(null=True, blank=True)
    category_grandparent_id = models.BigIntegerField(null=True, blank=True)
    province_code = models.CharField(max_length=32, blank=True)
    producer_id = models.BigIntegerField(null=True, blank=True)
    product_created_at = models.DateTimeField()
    document = models.TextField(blank=True, default="")  # folded "name producer", for trigram similarity
    vector = SearchVectorField(null=True, blank=True)  # weighted: name > producer > group/place > description
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["product", "channel"], name="search_entry_product_channel"),
        ]
        indexes = [
            GinIndex(fields=["vector"], name="search_entry_vector_gin"),
            GinIndex(fields=["document"], name="search_entry_document_trgm", opclasses=["gin_trgm_ops"]),
            models.Index(fields=["channel", "listable_until"], name="search_entry_listable"),
        ]

    def __str__(self) -> str:
        return f"product {self.product_id} in channel {self.channel_id}"


class SearchIndexCursor(models.Model):
    """How far the periodic index sync has read the change timestamps (products, certificates, producers)."""

    name = models.CharField(max_length=64, unique=True)
    position = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} @ {self.position.isoformat()}"

"""The Elasticsearch product index: mapping (ASCII-folding analyzers, so "nuoc mam" matches "Nước mắm") and
the rows that fill it. Only the mapping and the data live here; queries are in elasticsearch.py."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import F, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from elasticsearch.dsl import Boolean, Date, Document, Integer, Keyword, Long, Text, analyzer, token_filter
from elasticsearch.dsl.analysis import char_filter

from marketplace.certification.selectors import current_certificate_subquery, valid_certificates
from marketplace.core.geography import PROVINCES_BY_CODE, province_resolve
from marketplace.product.models import Product, ProductChannelListing, ProductTranslation
from marketplace.warehouse.selectors import stock_available_q_for_product

# asciifolding already maps đ to d; the explicit mapping keeps that true whatever the server's version does.
d_stroke = char_filter("ocop_d_stroke", "mapping", mappings=["đ => d", "Đ => D"])
edge_ngram = token_filter("ocop_edge_ngram", "edge_ngram", min_gram=1, max_gram=20)
ocop_folding = analyzer("ocop_folding", tokenizer="standard", char_filter=[d_stroke],
                        filter=["lowercase", "asciifolding"])
# Indexed as every prefix of every word, so a query typed halfway ("nuoc ma") already matches.
ocop_folding_prefix = analyzer("ocop_folding_prefix", tokenizer="standard", char_filter=[d_stroke],
                               filter=["lowercase", "asciifolding", edge_ngram])


def _folded_text(**kwargs) -> Text:
    return Text(analyzer=ocop_folding, **kwargs)


def _folded_text_with_prefix() -> Text:
    return _folded_text(fields={"prefix": Text(analyzer=ocop_folding_prefix, search_analyzer=ocop_folding)})


class ProductDocument(Document):
    name = _folded_text_with_prefix()
    name_en = _folded_text()
    producer_name = _folded_text_with_prefix()
    place_text = _folded_text()  # product group names, province (current and old names), district
    description = _folded_text()
    slug = Keyword()
    category_id = Integer()
    category_path = Integer()  # the category and its ancestors, so a group filter includes its sub-groups
    province_code = Keyword()
    producer_id = Integer()
    stars = Integer()  # of the current certificate
    listable_until = Date()  # last day the listing rule holds (null: never); compared with today per query
    channels = Keyword()  # channels that publish the product in listings
    price = Long()  # cheapest variant price in the default channel, in đồng
    in_sales_point = Boolean()
    created_at = Date()

    class Index:
        name = "ocop-products"
        settings = {"number_of_shards": 1, "number_of_replicas": 0, "max_ngram_diff": 20}


def product_document_rows(*, product_ids: Sequence[int] | None, channel_slug: str) -> Iterator[dict]:
    """One dict per product, ready for ProductDocument(**row)."""
    qs = Product.objects.all() if product_ids is None else Product.objects.filter(pk__in=product_ids)
    qs = qs.order_by("pk").annotate(
        producer_name=F("producer__name"),
        province_code=F("producer__province_code"),
        province_as_published=F("producer__province_as_published"),
        district_as_published=F("producer__district_as_published"),
        category_name=F("category__name"),
        category_parent_id=F("category__parent_id"),
        category_parent_name=F("category__parent__name"),
        category_grandparent_id=F("category__parent__parent_id"),
        category_grandparent_name=F("category__parent__parent__name"),
        name_en=Subquery(ProductTranslation.objects.filter(product_id=OuterRef("pk"), language_code="en")
                         .values("name")[:1]),
        stars=current_certificate_subquery(field="stars"),
        listable_until=Subquery(
            # the last day of the certificates valid now (the listing rule); queries compare it with today
            valid_certificates().filter(product_id=OuterRef("pk")).order_by()
            .values("product_id").annotate(until=Max("expires_on")).values("until")[:1]
        ),
        channels=Coalesce(Subquery(
            ProductChannelListing.objects.filter(product_id=OuterRef("pk"), is_published=True,
                                                 visible_in_listings=True)
            .values("product_id").annotate(slugs=ArrayAgg("channel__slug")).values("slugs")[:1]
        ), []),
        price=Subquery(ProductChannelListing.objects.filter(product_id=OuterRef("pk"),
                                                            channel__slug=channel_slug)
                       .values("discounted_price_amount")[:1]),
        in_sales_point=stock_available_q_for_product(public_only=True),
    )
    for p in qs.iterator(chunk_size=2000):
        province = PROVINCES_BY_CODE.get(p.province_code or "") or province_resolve(p.province_as_published)
        place = [p.category_name, p.category_parent_name, p.category_grandparent_name,
                 p.province_as_published, p.district_as_published,
                 *((province.name, *province.merged_from) if province else ())]
        category_path = [c for c in (p.category_id, p.category_parent_id, p.category_grandparent_id) if c]
        yield {
            "meta": {"id": p.pk},
            "name": p.name, "name_en": p.name_en or "", "producer_name": p.producer_name or "",
            "place_text": " ".join(x for x in place if x), "description": p.description_plaintext[:4000],
            "slug": p.slug, "category_id": p.category_id, "category_path": category_path,
            "province_code": province.code if province else None, "producer_id": p.producer_id,
            "stars": p.stars,
            "listable_until": p.listable_until, "channels": list(p.channels),
            "price": int(p.price) if p.price is not None else None, "in_sales_point": p.in_sales_point,
            "created_at": p.created_at,
        }


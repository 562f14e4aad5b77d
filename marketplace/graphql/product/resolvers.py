"""Input checking and orchestration for catalog queries: visibility comes from certification.selectors (the
listing rule), filtering and sorting from product/warehouse selectors."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q

from marketplace.certification import selectors as certification_selectors
from marketplace.channel.models import Channel
from marketplace.channel.selectors import channel_get_by_slug
from marketplace.core.geography import province_resolve
from marketplace.graphql.core.errors import coded_error, invalid
from marketplace.graphql.core.ids import pks_from_global_ids
from marketplace.graphql.core.pagination import paginate
from marketplace.graphql.product.types import prime_product_page
from marketplace.product import selectors as product_selectors
from marketplace.warehouse.selectors import products_filter_stock_availability


def channel_or_error(slug: str | None) -> Channel:
    channel = channel_get_by_slug(slug=slug)
    if channel is None or not channel.is_active:
        raise coded_error(f"Channel with '{slug}' slug does not exist.", "NOT_FOUND", field="channel")
    return channel


def visible_products(channel: Channel, *, in_listings: bool):
    return certification_selectors.products_visible(channel_id=channel.pk, in_listings=in_listings)


def apply_product_filter(qs, data: dict | None, channel: Channel):
    if not data:
        return qs
    if data.get("ids"):
        qs = qs.filter(pk__in=pks_from_global_ids(data["ids"], "Product", field="ids"))
    if data.get("slugs"):
        qs = qs.filter(slug__in=data["slugs"])
    if data.get("categories"):
        qs = product_selectors.products_filter_categories(
            qs, category_ids=pks_from_global_ids(data["categories"], "Category", field="categories"))
    if data.get("has_category") is not None:
        qs = qs.filter(category__isnull=not data["has_category"])
    if data.get("collections"):
        qs = product_selectors.products_filter_collections(
            qs, collection_ids=pks_from_global_ids(data["collections"], "Collection", field="collections"))
    if data.get("product_types"):
        qs = qs.filter(product_type_id__in=pks_from_global_ids(data["product_types"], "ProductType",
                                                              field="productTypes"))
    if data.get("attributes"):
        wanted: dict[str, list[str]] = {}
        for item in data["attributes"]:
            if not item.get("slug"):
                raise invalid("Attribute filter needs a `slug`.", field="attributes")
            wanted.setdefault(item["slug"], []).extend(item.get("values") or [])
        qs = product_selectors.products_filter_attributes(
            qs, values_by_attribute={k: v for k, v in wanted.items() if v})
    for key in ("price", "minimal_price"):
        if data.get(key):
            rng = data[key]
            qs = product_selectors.products_filter_price(
                qs, channel_id=channel.pk,
                gte=Decimal(str(rng["gte"])) if rng.get("gte") is not None else None,
                lte=Decimal(str(rng["lte"])) if rng.get("lte") is not None else None)
    if data.get("stock_availability"):
        qs = products_filter_stock_availability(qs, channel_id=channel.pk,
                                                in_stock=str(data["stock_availability"]) in ("IN_STOCK",
                                                "StockAvailability.IN_STOCK"))
    if data.get("is_available") is not None:
        qs = products_filter_stock_availability(qs, channel_id=channel.pk, in_stock=data["is_available"])
    if data.get("metadata"):
        qs = product_selectors.products_filter_metadata(
            qs, items=[(m["key"], m.get("value")) for m in data["metadata"]])
    if data.get("ocop_stars"):
        bad = [s for s in data["ocop_stars"] if s not in (1, 2, 3, 4, 5)]
        if bad:
            raise invalid(f"OCOP stars must be between 1 and 5, got {bad}.", field="ocopStars")
        qs = certification_selectors.products_filter_stars(qs, stars=data["ocop_stars"])
    if data.get("provinces"):
        codes = []
        for name in data["provinces"]:
            province = province_resolve(name)
            if province is None:
                raise invalid(f"Unknown province: {name}.", field="provinces")
            codes.append(province.code)
        qs = product_selectors.products_filter_provinces(qs, province_codes=codes)
    if data.get("search"):
        qs = product_selectors.products_filter_text(qs, text=data["search"])
    return qs


def _string_q(field: str, value: dict) -> Q:
    if value.get("eq") is not None:
        return Q(**{field: value["eq"]})
    if value.get("one_of") is not None:
        return Q(**{f"{field}__in": value["one_of"]})
    return Q()


def _ids_q(field: str, value: dict, type_name: str, arg: str) -> Q:
    ids = [value["eq"]] if value.get("eq") is not None else value.get("one_of") or []
    return Q(**{f"{field}__in": pks_from_global_ids(ids, type_name, field=arg)}) if ids else Q()


def _decimal_filter(value: dict) -> tuple[Decimal | None, Decimal | None, list[Decimal] | None]:
    if value.get("eq") is not None:
        return value["eq"], value["eq"], None
    if value.get("one_of"):
        return None, None, list(value["one_of"])
    rng = value.get("range") or {}
    return rng.get("gte"), rng.get("lte"), None


def apply_product_where(qs, where: dict | None, channel: Channel):
    """Saleor's `where` (AND/OR of field filters); each level is translated to the same selectors as `filter`."""
    if not where:
        return qs
    if where.get("ids"):
        qs = qs.filter(pk__in=pks_from_global_ids(where["ids"], "Product", field="ids"))
    if where.get("name"):
        qs = qs.filter(_string_q("name", where["name"]))
    if where.get("slug"):
        qs = qs.filter(_string_q("slug", where["slug"]))
    if where.get("product_type"):
        qs = qs.filter(_ids_q("product_type_id", where["product_type"], "ProductType", "productType"))
    if where.get("category"):
        cat_q = _ids_q("pk", where["category"], "Category", "category")
        category_ids = list(product_selectors.category_list().filter(cat_q).values_list("pk", flat=True))
        qs = product_selectors.products_filter_categories(qs, category_ids=category_ids)
    if where.get("collection"):
        ids = [where["collection"]["eq"]] if where["collection"].get("eq") else where["collection"].get("one_of") or []
        qs = product_selectors.products_filter_collections(
            qs, collection_ids=pks_from_global_ids(ids, "Collection", field="collection"))
    for key in ("price", "minimal_price"):
        if where.get(key):
            gte, lte, one_of = _decimal_filter(where[key])
            if one_of is not None:
                qs = product_selectors.products_filter_price_in(qs, channel_id=channel.pk, amounts=one_of)
            else:
                qs = product_selectors.products_filter_price(qs, channel_id=channel.pk, gte=gte, lte=lte)
    simple = {k: where[k] for k in ("has_category", "attributes", "stock_availability", "is_available", "metadata")
              if where.get(k) is not None}
    qs = apply_product_filter(qs, simple, channel)
    for sub in where.get("AND") or []:
        qs = apply_product_where(qs, sub, channel)
    if where.get("OR"):
        base = qs
        pks: set[int] = set()
        for sub in where["OR"]:
            pks.update(apply_product_where(base, sub, channel).values_list("pk", flat=True))
        qs = qs.filter(pk__in=pks)
    return qs


def apply_sort(qs, sort_by: dict | None, channel: Channel):
    if not sort_by:
        return qs.order_by("name", "pk")
    field = str(getattr(sort_by.get("field"), "value", sort_by.get("field")) or "NAME")
    if field not in product_selectors.SORT_FIELDS:
        raise invalid(f"Unknown sort field: {field}.", field="sortBy")
    direction = str(getattr(sort_by["direction"], "value", sort_by["direction"]))
    return product_selectors.products_sort(qs, field=field, descending=direction.lower() == "desc",
                                           channel_id=channel.pk)


def resolve_products(info, *, channel: str | None = None, filter: dict | None = None, where: dict | None = None,
                     search: str | None = None,
                     sort_by: dict | None = None, base_filter=None, in_listings: bool = True, **page_args):
    the_channel = channel_or_error(channel)
    qs = visible_products(the_channel, in_listings=in_listings)
    if base_filter is not None:
        qs = qs.filter(base_filter)
    qs = apply_product_filter(qs, filter, the_channel)
    qs = apply_product_where(qs, where, the_channel)
    if search:
        qs = product_selectors.products_filter_text(qs, text=search)
    qs = apply_sort(qs, sort_by, the_channel)
    page = paginate(qs, **page_args)
    prime_product_page(info, page.nodes, the_channel)
    return page

"""Catalog queries: products, product, productVariants, productVariant, categories, category, collections,
collection; plus the connection fields on Category and Collection."""

from __future__ import annotations

import graphene
from django.db.models import Q

from marketplace.graphql.core.errors import invalid
from marketplace.graphql.core.ids import pk_from_global_id, pks_from_global_ids
from marketplace.graphql.core.pagination import connection_args, connection_type, paginate
from marketplace.graphql.product import inputs, resolvers
from marketplace.graphql.product.context import with_channel
from marketplace.graphql.product.mutations.product_channel_listing_update import ProductChannelListingUpdate
from marketplace.graphql.product.mutations.product_media_create import ProductMediaCreate
from marketplace.graphql.product.mutations.product_media_delete import ProductMediaDelete
from marketplace.graphql.product.mutations.product_media_reorder import ProductMediaReorder
from marketplace.graphql.product.mutations.product_media_update import ProductMediaUpdate
from marketplace.graphql.product.mutations.product_variant_channel_listing_update import (
    ProductVariantChannelListingUpdate,
)
from marketplace.graphql.product.types import (
    Category,
    Collection,
    Product,
    ProductType,
    ProductVariant,
    prime_product_page,
)
from marketplace.product import selectors as product_selectors

ProductCountableConnection = connection_type(Product, "Product")
ProductVariantCountableConnection = connection_type(ProductVariant, "ProductVariant")
CategoryCountableConnection = connection_type(Category, "Category")
CollectionCountableConnection = connection_type(Collection, "Collection")
ProductTypeCountableConnection = connection_type(ProductType, "ProductType")


def _product_connection_field(**extra) -> graphene.Field:
    return graphene.Field(
        ProductCountableConnection,
        filter=graphene.Argument(inputs.ProductFilterInput),
        where=graphene.Argument(inputs.ProductWhereInput),
        sort_by=graphene.Argument(inputs.ProductOrder),
        search=graphene.String(),
        **extra,
        **connection_args(),
    )


# Relations that need the connection types, attached after the types exist.
Category._meta.fields.update(graphene.types.utils.yank_fields_from_attrs({
    "products": _product_connection_field(channel=graphene.String()),
    "children": graphene.Field(CategoryCountableConnection, **connection_args()),
    "ancestors": graphene.Field(CategoryCountableConnection, **connection_args()),
}, _as=graphene.Field))
Collection._meta.fields.update(graphene.types.utils.yank_fields_from_attrs({
    "products": _product_connection_field(),
}, _as=graphene.Field))
Product._meta.fields.update(graphene.types.utils.yank_fields_from_attrs({
    "product_variants": graphene.Field(
        ProductVariantCountableConnection, filter=graphene.Argument(inputs.ProductVariantFilterInput),
        sort_by=graphene.Argument(inputs.ProductVariantSortingInput), **connection_args()),
}, _as=graphene.Field))


def _resolve_product_product_variants(root, info, filter=None, sort_by=None, **page_args):
    from marketplace.graphql.product.types import product_variants_in_channel

    variants = product_variants_in_channel(info, root)
    if filter and filter.get("sku"):
        variants = [v for v in variants if v.sku in filter["sku"]]
    return paginate(variants, required=False, **page_args)


def _resolve_category_products(root, info, channel=None, **kwargs):
    category_ids = product_selectors.category_descendant_ids(category_ids=[root.pk])
    return resolvers.resolve_products(info, channel=channel, base_filter=Q(category_id__in=category_ids),
                                      **kwargs)


def _resolve_category_children(root, info, **kwargs):
    return paginate(root.children.all().order_by("sort_order", "pk"), required=False, **kwargs)


def _resolve_category_ancestors(root, info, **kwargs):
    chain, node = [], root.parent
    while node is not None:
        chain.append(node)
        node = node.parent
    return paginate(list(reversed(chain)), required=False, **kwargs)


def _resolve_collection_products(root, info, **kwargs):
    channel = getattr(root, "_channel", None)
    return resolvers.resolve_products(info, channel=channel.slug if channel else None,
                                      base_filter=Q(collections__pk=root.pk), **kwargs)


Category._meta.fields["products"].resolver = _resolve_category_products
Category._meta.fields["children"].resolver = _resolve_category_children
Category._meta.fields["ancestors"].resolver = _resolve_category_ancestors
Collection._meta.fields["products"].resolver = _resolve_collection_products
Product._meta.fields["product_variants"].resolver = _resolve_product_product_variants


def _by_id_or_slug(id, slug, type_name: str) -> dict:
    if (id is None) == (slug is None):
        raise invalid("Provide exactly one of `id` or `slug`.")
    return {"pk": pk_from_global_id(id, type_name)} if id is not None else {"slug": slug}


class ProductQueries(graphene.ObjectType):
    products = _product_connection_field(channel=graphene.String())
    product = graphene.Field(Product, id=graphene.ID(), slug=graphene.String(),
                             slug_language_code=graphene.Argument("marketplace.graphql.core.enums.LanguageCodeEnum"),
                             external_reference=graphene.String(), channel=graphene.String())
    product_variants = graphene.Field(
        ProductVariantCountableConnection,
        ids=graphene.List(graphene.NonNull(graphene.ID)), channel=graphene.String(),
        filter=graphene.Argument(inputs.ProductVariantFilterInput), search=graphene.String(),
        sort_by=graphene.Argument(inputs.ProductVariantSortingInput), **connection_args(),
    )
    product_variant = graphene.Field(ProductVariant, id=graphene.ID(), sku=graphene.String(),
                                     external_reference=graphene.String(), channel=graphene.String())
    categories = graphene.Field(
        CategoryCountableConnection, filter=graphene.Argument(inputs.CategoryFilterInput),
        sort_by=graphene.Argument(inputs.CategorySortingInput), level=graphene.Int(), **connection_args(),
    )
    category = graphene.Field(Category, id=graphene.ID(), slug=graphene.String(),
                              slug_language_code=graphene.Argument("marketplace.graphql.core.enums.LanguageCodeEnum"))
    collections = graphene.Field(
        CollectionCountableConnection, filter=graphene.Argument(inputs.CollectionFilterInput),
        sort_by=graphene.Argument(inputs.CollectionSortingInput), channel=graphene.String(),
        **connection_args(),
    )
    collection = graphene.Field(Collection, id=graphene.ID(), slug=graphene.String(),
                                slug_language_code=graphene.Argument("marketplace.graphql.core.enums.LanguageCodeEnum"),
                                channel=graphene.String())

    @staticmethod
    def resolve_products(root, info, **kwargs):
        return resolvers.resolve_products(info, **kwargs)

    @staticmethod
    def resolve_product(root, info, id=None, slug=None, external_reference=None, channel=None,
                        slug_language_code=None):
        the_channel = resolvers.channel_or_error(channel)
        qs = resolvers.visible_products(the_channel, in_listings=False)
        if external_reference is not None and id is None and slug is None:
            product = product_selectors.product_get(qs=qs, external_reference=external_reference)
        else:
            product = product_selectors.product_get(qs=qs, **_by_id_or_slug(id, slug, "Product"))
        return prime_product_page(info, [product], the_channel)[0] if product else None

    @staticmethod
    def resolve_product_variants(root, info, ids=None, channel=None, filter=None, search=None, sort_by=None,
                                 **page_args):
        the_channel = resolvers.channel_or_error(channel)
        products = resolvers.visible_products(the_channel, in_listings=False)
        qs = product_selectors.variants_for_products(product_ids=products.values("pk"))
        if ids:
            qs = qs.filter(pk__in=pks_from_global_ids(ids, "ProductVariant", field="ids"))
        if filter and filter.get("sku"):
            qs = qs.filter(sku__in=filter["sku"])
        text = search or (filter or {}).get("search")
        if text:
            qs = qs.filter(Q(name__icontains=text) | Q(sku__icontains=text) | Q(product__name__icontains=text))
        if sort_by:
            direction = str(getattr(sort_by["direction"], "value", sort_by["direction"])).lower()
            qs = qs.order_by("-updated_at" if direction == "desc" else "updated_at", "pk")
        else:
            qs = qs.order_by("product__name", "sort_order", "pk")
        page = paginate(qs, **page_args)
        with_channel(page.nodes, the_channel)
        return page

    @staticmethod
    def resolve_product_variant(root, info, id=None, sku=None, external_reference=None, channel=None):
        the_channel = resolvers.channel_or_error(channel)
        products = resolvers.visible_products(the_channel, in_listings=False)
        qs = product_selectors.variants_for_products(product_ids=products.values("pk"))
        if id is not None:
            variant = qs.filter(pk=pk_from_global_id(id, "ProductVariant")).first()
        elif sku is not None:
            variant = qs.filter(sku=sku).first()
        elif external_reference is not None:
            variant = qs.filter(external_reference=external_reference).first()
        else:
            raise invalid("Provide one of `id`, `sku` or `externalReference`.")
        return with_channel([variant], the_channel)[0] if variant else None

    @staticmethod
    def resolve_categories(root, info, filter=None, sort_by=None, level=None, **page_args):
        qs = product_selectors.categories_with_counts()
        if level is not None:
            qs = qs.filter(level=level)
        if filter:
            if filter.get("ids"):
                qs = qs.filter(pk__in=pks_from_global_ids(filter["ids"], "Category", field="ids"))
            if filter.get("slugs"):
                qs = qs.filter(slug__in=filter["slugs"])
            if filter.get("search"):
                qs = qs.filter(Q(name__icontains=filter["search"]) | Q(slug__icontains=filter["search"]))
        if sort_by:
            field = {"NAME": "name", "PRODUCT_COUNT": "product_count",
                     "SUBCATEGORY_COUNT": "subcategory_count"}[str(getattr(sort_by["field"], "value",
                                                                           sort_by["field"]))]
            desc = str(getattr(sort_by["direction"], "value", sort_by["direction"])).lower() == "desc"
            qs = qs.order_by(f"-{field}" if desc else field, "pk")
        else:
            qs = qs.order_by("sort_order", "pk")
        return paginate(qs, **page_args)

    @staticmethod
    def resolve_category(root, info, id=None, slug=None, slug_language_code=None):
        return product_selectors.category_list().filter(**_by_id_or_slug(id, slug, "Category")).first()

    @staticmethod
    def resolve_collections(root, info, filter=None, sort_by=None, channel=None, **page_args):
        the_channel = resolvers.channel_or_error(channel)
        qs = product_selectors.collection_list(channel_id=the_channel.pk, published_only=True)
        if filter:
            if filter.get("ids"):
                qs = qs.filter(pk__in=pks_from_global_ids(filter["ids"], "Collection", field="ids"))
            if filter.get("slugs"):
                qs = qs.filter(slug__in=filter["slugs"])
            if filter.get("search"):
                qs = qs.filter(name__icontains=filter["search"])
        desc = sort_by and str(getattr(sort_by["direction"], "value", sort_by["direction"])).lower() == "desc"
        page = paginate(qs.order_by("-name" if desc else "name", "pk"), **page_args)
        with_channel(page.nodes, the_channel)
        return page

    @staticmethod
    def resolve_collection(root, info, id=None, slug=None, channel=None, slug_language_code=None):
        the_channel = resolvers.channel_or_error(channel)
        qs = product_selectors.collection_list(channel_id=the_channel.pk, published_only=True)
        collection = qs.filter(**_by_id_or_slug(id, slug, "Collection")).first()
        return with_channel([collection], the_channel)[0] if collection else None


class ProductMutations(graphene.ObjectType):
    product_channel_listing_update = ProductChannelListingUpdate.Field()
    product_variant_channel_listing_update = ProductVariantChannelListingUpdate.Field()
    product_media_create = ProductMediaCreate.Field()
    product_media_reorder = ProductMediaReorder.Field()
    product_media_update = ProductMediaUpdate.Field()
    product_media_delete = ProductMediaDelete.Field()

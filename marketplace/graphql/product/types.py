"""Saleor's catalog types: Category, ProductType, Collection, Product, ProductVariant, ProductMedia, pricing."""

from __future__ import annotations

import graphene

from marketplace.graphql.attribute.types import (
    AssignedAttribute,
    ObjectWithAttributes,
    SelectedAttribute,
    VariantAttributeScope,
    assigned_attributes,
    selected_attributes,
)
from marketplace.graphql.certification.types import (
    CurrentCertificateByProduct,
    OcopCertificate,
    Producer_,
    ProducerById,
    resolve_product_certificate,
    resolve_product_producer,
)
from marketplace.graphql.core.enums import LanguageCodeEnum, ThumbnailFormatEnum, language_code
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.types import (
    Image,
    ObjectWithMetadata,
    Weight,
    weight_grams,
)
from marketplace.graphql.product import loaders
from marketplace.graphql.product.catalog_types import (
    Category,
    Collection,
    ProductChannelListing,
    ProductMedia,
    ProductType,
    ProductVariantChannelListing,
    _media_url,
)
from marketplace.graphql.product.context import channel_of, with_channel
from marketplace.graphql.product.pricing import (
    ProductPricingInfo,
    VariantPricingInfo,
    product_pricing,
    variant_pricing,
)
from marketplace.graphql.product.translations import (
    ProductTranslation,
    ProductVariantTranslation,
    _translation_from,
)
from marketplace.product import models


def _assigned_attribute(values, slug):
    return next((a for a in assigned_attributes(values) if a.attribute.slug == slug), None)


class ProductVariant(ModelObjectType):
    name = graphene.String(required=True)
    sku = graphene.String()
    product = graphene.Field(lambda: Product, required=True)
    track_inventory = graphene.Boolean(required=True)
    quantity_limit_per_customer = graphene.Int()
    weight = graphene.Field(Weight)
    channel = graphene.String()
    channel_listings = graphene.List(graphene.NonNull(ProductVariantChannelListing))
    pricing = graphene.Field(VariantPricingInfo)
    attributes = graphene.List(graphene.NonNull(SelectedAttribute), required=True,
                               variant_selection=graphene.Argument(VariantAttributeScope))
    media = graphene.List(graphene.NonNull(ProductMedia))
    translation = graphene.Field(ProductVariantTranslation,
                                 language_code=graphene.Argument(LanguageCodeEnum, required=True))
    quantity_available = graphene.Int()
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    external_reference = graphene.String()
    # OCOP addition: the barcode printed on the packaging (used at the counter)
    barcode = graphene.String(description="Barcode printed on the packaging (OCOP Market).")

    class Meta:
        model = models.ProductVariant
        interfaces = (graphene.relay.Node, ObjectWithMetadata, ObjectWithAttributes)

    @classmethod
    def get_visible_node(cls, info, pk):
        from marketplace.certification.selectors import products_visible
        from marketplace.channel.selectors import channel_get_by_slug

        channel = channel_get_by_slug(slug=None)
        if channel is None:
            return None
        variant = models.ProductVariant.objects.filter(
            pk=pk, product__in=products_visible(channel_id=channel.pk)).first()
        return with_channel([variant], channel)[0] if variant else None

    @staticmethod
    def resolve_product(root, info):
        product = loaders.ProductById.on(info).load(root.product_id)
        return with_channel([product], channel_of(root))[0] if product else None

    @staticmethod
    def resolve_weight(root, info):
        return weight_grams(root.weight_grams)

    @staticmethod
    def resolve_channel(root, info):
        channel = channel_of(root)
        return channel.slug if channel else None

    @staticmethod
    def resolve_channel_listings(root, info):
        from marketplace.core.permissions import ProductPermissions
        from marketplace.graphql.core.errors import permission_denied
        from marketplace.graphql.core.types import is_staff_with

        if not is_staff_with(info, ProductPermissions.MANAGE_PRODUCTS):
            raise permission_denied(["MANAGE_PRODUCTS"])
        return loaders.VariantChannelListingsByVariant.on(info).load(root.pk)

    @staticmethod
    def resolve_pricing(root, info):
        channel = channel_of(root)
        if channel is None:
            return None
        return variant_pricing(loaders.VariantPriceByVariant.on(info, channel.pk).load(root.pk),
                               channel.currency_code)

    @staticmethod
    def resolve_attributes(root, info, variant_selection=None):
        return []

    @staticmethod
    def resolve_assigned_attributes(root, info, limit=100):
        return []

    @staticmethod
    def resolve_assigned_attribute(root, info, slug):
        return None

    @staticmethod
    def resolve_media(root, info):
        return []

    @staticmethod
    def resolve_translation(root, info, language_code):
        return _translation_from(root.translations.all(), language_code)

    @staticmethod
    def resolve_quantity_available(root, info):
        channel = channel_of(root)
        if channel is None:
            return None
        return loaders.QuantityAvailableByVariant.on(info, channel.pk).load(root.pk)

    @staticmethod
    def resolve_created(root, info):
        return root.created_at


def product_variants_in_channel(info, product):
    variant_loader = loaders.VariantsByProduct.on(info)
    variants = variant_loader.load(product.pk)
    channel = channel_of(product)
    if channel is not None and getattr(variant_loader, "primed_size", None) != len(variant_loader.cache):
        # Prime with the variants of every product loaded so far (once per batch), so prices for a whole page
        # are one query.
        variant_loader.primed_size = len(variant_loader.cache)
        ids = [v.pk for group in variant_loader.cache.values() for v in group]
        loaders.VariantPriceByVariant.on(info, channel.pk).prime(ids)
        loaders.QuantityAvailableByVariant.on(info, channel.pk).prime(ids)
    return with_channel(variants, channel)


class Product(ModelObjectType):
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString()
    product_type = graphene.Field(ProductType, required=True)
    slug = graphene.String(required=True)
    category = graphene.Field(Category)
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    weight = graphene.Field(Weight)
    default_variant = graphene.Field(ProductVariant)
    rating = graphene.Float()
    channel = graphene.String()
    thumbnail = graphene.Field(Image, size=graphene.Int(),
                               format=graphene.Argument(ThumbnailFormatEnum, default_value="original"))
    pricing = graphene.Field(ProductPricingInfo)
    is_available = graphene.Boolean()
    attribute = graphene.Field(SelectedAttribute, slug=graphene.String(required=True))
    attributes = graphene.List(graphene.NonNull(SelectedAttribute), required=True)
    channel_listings = graphene.List(graphene.NonNull(ProductChannelListing))
    media_by_id = graphene.Field(ProductMedia, id=graphene.ID(required=True))
    variants = graphene.List(graphene.NonNull(ProductVariant))
    media = graphene.List(graphene.NonNull(ProductMedia))
    collections = graphene.List(graphene.NonNull(Collection))
    translation = graphene.Field(ProductTranslation, language_code=graphene.Argument(LanguageCodeEnum,
                                                                                    required=True))
    available_for_purchase_at = graphene.DateTime()
    is_available_for_purchase = graphene.Boolean()
    external_reference = graphene.String()
    # OCOP additions
    ocop_certificate = graphene.Field(OcopCertificate, resolver=resolve_product_certificate,
                                      description="The product's current OCOP certificate (OCOP Market).")
    producer = graphene.Field(Producer_, resolver=resolve_product_producer,
                              description="The OCOP producer (chủ thể) of the product (OCOP Market).")

    class Meta:
        model = models.Product
        interfaces = (graphene.relay.Node, ObjectWithMetadata, ObjectWithAttributes)

    @classmethod
    def get_visible_node(cls, info, pk):
        from marketplace.certification.selectors import products_visible
        from marketplace.channel.selectors import channel_get_by_slug

        channel = channel_get_by_slug(slug=None)
        product = products_visible(channel_id=channel.pk).filter(pk=pk).first() if channel else None
        return prime_product_page(info, [product], channel)[0] if product else None

    @staticmethod
    def resolve_product_type(root, info):
        return loaders.ProductTypeById.on(info).load(root.product_type_id)

    @staticmethod
    def resolve_category(root, info):
        return loaders.CategoryById.on(info).load(root.category_id) if root.category_id else None

    @staticmethod
    def resolve_created(root, info):
        return root.created_at

    @staticmethod
    def resolve_weight(root, info):
        return weight_grams(root.weight_grams)

    @staticmethod
    def resolve_default_variant(root, info):
        variants = product_variants_in_channel(info, root)
        return variants[0] if variants else None

    @staticmethod
    def resolve_channel(root, info):
        channel = channel_of(root)
        return channel.slug if channel else None

    @staticmethod
    def resolve_thumbnail(root, info, size=None, format=None):
        media = loaders.MediaByProduct.on(info).load(root.pk)
        if not media:
            return None
        from marketplace.product.thumbnails import DEFAULT_SIZE

        url = _media_url(info, media[0], DEFAULT_SIZE if size is None else size, format)
        return Image(url=url, alt=media[0].alt or root.name)

    @staticmethod
    def resolve_pricing(root, info):
        channel = channel_of(root)
        if channel is None:
            return None
        variants = product_variants_in_channel(info, root)
        price_loader = loaders.VariantPriceByVariant.on(info, channel.pk)
        prices = [p for p in (price_loader.load(v.pk) for v in variants) if p is not None]
        return product_pricing(prices, channel.currency_code)

    @staticmethod
    def resolve_is_available(root, info):
        channel = channel_of(root)
        if channel is None:
            return None
        listing = loaders.ChannelListingByProduct.on(info, channel.pk).load(root.pk)
        if listing is None or not ProductChannelListing.resolve_is_available_for_purchase(listing, info):
            return False
        variants = product_variants_in_channel(info, root)
        quantities = loaders.QuantityAvailableByVariant.on(info, channel.pk)
        prices = loaders.VariantPriceByVariant.on(info, channel.pk)
        return any(quantities.load(v.pk) > 0 and prices.load(v.pk) is not None for v in variants)

    @staticmethod
    def resolve_attribute(root, info, slug):
        values = loaders.AttributeValuesByProduct.on(info).load(root.pk)
        return next((a for a in selected_attributes(values) if a.attribute.slug == slug), None)

    @staticmethod
    def resolve_attributes(root, info):
        return selected_attributes(loaders.AttributeValuesByProduct.on(info).load(root.pk))

    @staticmethod
    def resolve_assigned_attributes(root, info, limit=100):
        return assigned_attributes(loaders.AttributeValuesByProduct.on(info).load(root.pk))[:limit]

    @staticmethod
    def resolve_assigned_attribute(root, info, slug):
        return _assigned_attribute(loaders.AttributeValuesByProduct.on(info).load(root.pk), slug)

    @staticmethod
    def resolve_channel_listings(root, info):
        from marketplace.core.permissions import ProductPermissions
        from marketplace.graphql.core.errors import permission_denied
        from marketplace.graphql.core.types import is_staff_with

        if not is_staff_with(info, ProductPermissions.MANAGE_PRODUCTS):
            raise permission_denied(["MANAGE_PRODUCTS"])
        return loaders.ChannelListingsByProduct.on(info).load(root.pk)

    @staticmethod
    def resolve_media_by_id(root, info, id):
        from marketplace.graphql.core.ids import pk_from_global_id

        pk = pk_from_global_id(id, "ProductMedia")
        return next((m for m in loaders.MediaByProduct.on(info).load(root.pk) if m.pk == pk), None)

    @staticmethod
    def resolve_variants(root, info):
        return product_variants_in_channel(info, root)

    @staticmethod
    def resolve_media(root, info):
        return loaders.MediaByProduct.on(info).load(root.pk)

    @staticmethod
    def resolve_collections(root, info):
        return with_channel(loaders.CollectionsByProduct.on(info).load(root.pk), channel_of(root))

    @staticmethod
    def resolve_translation(root, info, language_code):
        return loaders.ProductTranslationByProduct.on(info, language_code_value(language_code)).load(root.pk)

    @staticmethod
    def resolve_available_for_purchase_at(root, info):
        channel = channel_of(root)
        listing = loaders.ChannelListingByProduct.on(info, channel.pk).load(root.pk) if channel else None
        return listing.available_for_purchase_at if listing else None

    @staticmethod
    def resolve_is_available_for_purchase(root, info):
        channel = channel_of(root)
        listing = loaders.ChannelListingByProduct.on(info, channel.pk).load(root.pk) if channel else None
        return ProductChannelListing.resolve_is_available_for_purchase(listing, info) if listing else None


def language_code_value(value) -> str:
    return language_code(value)


def prime_product_page(info, products: list, channel) -> list:
    """Register a page of products with the loaders so each relation is fetched once for the whole page."""
    ids = [p.pk for p in products]
    for loader in (loaders.VariantsByProduct, loaders.MediaByProduct, loaders.AttributeValuesByProduct,
                   loaders.CollectionsByProduct, loaders.ChannelListingsByProduct):
        loader.on(info).prime(ids)
    if channel is not None:
        loaders.ChannelListingByProduct.on(info, channel.pk).prime(ids)
    CurrentCertificateByProduct.on(info).prime(ids)
    ProducerById.on(info).prime({p.producer_id for p in products if p.producer_id})
    loaders.CategoryById.on(info).prime({p.category_id for p in products if p.category_id})
    loaders.ProductTypeById.on(info).prime({p.product_type_id for p in products})
    return with_channel(products, channel)


__all__ = ["AssignedAttribute", "Category", "Collection", "Product", "ProductMedia", "ProductType",
           "ProductVariant", "prime_product_page"]

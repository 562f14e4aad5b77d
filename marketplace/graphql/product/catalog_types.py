"""Saleor's Category, ProductType, Collection, ProductMedia and channel-listing types."""

from __future__ import annotations

import graphene

from marketplace.core.permissions import ProductPermissions
from marketplace.graphql.channel.types import Channel
from marketplace.graphql.core.enums import LanguageCodeEnum, ThumbnailFormatEnum
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.types import (
    Image,
    Money,
    ObjectWithMetadata,
    Weight,
    absolute_media_url,
    is_staff_with,
    money,
    weight_grams,
)
from marketplace.graphql.product import loaders
from marketplace.graphql.product.context import channel_of, with_channel
from marketplace.graphql.product.translations import (
    CategoryTranslation,
    CollectionTranslation,
    _translation_from,
)
from marketplace.product import models
from marketplace.product import selectors as product_selectors


class ProductMediaType(graphene.Enum):
    IMAGE = "IMAGE"
    VIDEO = "VIDEO"


class ProductTypeKindEnum(graphene.Enum):
    NORMAL = "NORMAL"
    GIFT_CARD = "GIFT_CARD"


def _media_url(info, media, size: int | None = 0, format=None) -> str:
    """Saleor's semantics: size 0 (or none, for media.url) is the original file; any other size is rounded to a
    supported one and served as a cached thumbnail in the requested format."""
    from marketplace.product.thumbnails import thumbnail_path

    if media.image:
        path = thumbnail_path(media_id=media.pk, size=size, fmt=format) if size else None
        return absolute_media_url(info, path or media.image.url)
    return media.external_url or ""


class ProductMedia(ModelObjectType):
    sort_order = graphene.Int()
    alt = graphene.String(required=True)
    type = graphene.Field(ProductMediaType, required=True)
    oembed_data = graphene.JSONString(required=True)
    url = graphene.String(required=True, size=graphene.Int(),
                          format=graphene.Argument(ThumbnailFormatEnum, default_value="original"))
    product_id = graphene.ID()

    class Meta:
        model = models.ProductMedia
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def get_visible_node(cls, info, pk):
        """As `Product.media`: the media of a product the reader may see."""
        media = cls._meta.model.objects.filter(pk=pk).first()
        if media is None or is_staff_with(info, ProductPermissions.MANAGE_PRODUCTS):
            return media
        from marketplace.graphql.product.types import Product

        return media if Product.get_visible_node(info, media.product_id) is not None else None

    @staticmethod
    def resolve_oembed_data(root, info):
        return {}

    @staticmethod
    def resolve_url(root, info, size=None, format=None):
        return _media_url(info, root, size, format)

    @staticmethod
    def resolve_product_id(root, info):
        return graphene.relay.Node.to_global_id("Product", root.product_id)


class BackgroundImageFields:
    """Saleor's `backgroundImage(size, format)` on categories and collections."""

    background_image = graphene.Field(Image, size=graphene.Int(),
                                      format=graphene.Argument(ThumbnailFormatEnum, default_value="original"))

    @staticmethod
    def resolve_background_image(root, info, size=None, format=None):
        if not root.background_image:
            return None
        return Image(url=absolute_media_url(info, root.background_image.url), alt=root.background_image_alt)


class Category(BackgroundImageFields, ModelObjectType):
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString()
    slug = graphene.String(required=True)
    parent = graphene.Field(lambda: Category)
    level = graphene.Int(required=True)
    updated_at = graphene.DateTime(required=True)
    translation = graphene.Field(CategoryTranslation, language_code=graphene.Argument(LanguageCodeEnum,
                                                                                     required=True))
    # ancestors, children and products are added in schema.py (they need connection types defined there)

    class Meta:
        model = models.Category
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def get_visible_node(cls, info, pk):
        return product_selectors.category_list().filter(pk=pk).first()

    @staticmethod
    def resolve_parent(root, info):
        return loaders.CategoryById.on(info).load(root.parent_id) if root.parent_id else None

    @staticmethod
    def resolve_translation(root, info, language_code):
        return _translation_from(root.translations.all(), language_code)


class ProductType(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    has_variants = graphene.Boolean(required=True)
    is_shipping_required = graphene.Boolean(required=True)
    is_digital = graphene.Boolean(required=True)
    weight = graphene.Field(Weight)
    kind = graphene.Field(ProductTypeKindEnum, required=True)

    class Meta:
        model = models.ProductType
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    node_public = True  # as Saleor's `productType`

    @staticmethod
    def resolve_is_digital(root, info):
        return False

    @staticmethod
    def resolve_weight(root, info):
        return weight_grams(root.weight_grams)


class Collection(BackgroundImageFields, ModelObjectType):
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString()
    slug = graphene.String(required=True)
    channel = graphene.String()
    translation = graphene.Field(CollectionTranslation, language_code=graphene.Argument(LanguageCodeEnum,
                                                                                       required=True))

    class Meta:
        model = models.Collection
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def get_visible_node(cls, info, pk):
        """As `collection(id:)`: published in the default channel, unless the reader manages products."""
        from marketplace.channel.selectors import channel_get_by_slug

        if is_staff_with(info, ProductPermissions.MANAGE_PRODUCTS):
            return product_selectors.collection_list(channel_id=None, published_only=False).filter(pk=pk).first()
        channel = channel_get_by_slug(slug=None)
        if channel is None:
            return None
        collection = product_selectors.collection_list(channel_id=channel.pk, published_only=True).filter(
            pk=pk).first()
        return with_channel([collection], channel)[0] if collection else None

    @staticmethod
    def resolve_channel(root, info):
        channel = channel_of(root)
        return channel.slug if channel else None

    @staticmethod
    def resolve_translation(root, info, language_code):
        return _translation_from(root.translations.all(), language_code)


class ProductChannelListing(ModelObjectType):
    published_at = graphene.DateTime()
    is_published = graphene.Boolean(required=True)
    channel = graphene.Field(Channel, required=True)
    visible_in_listings = graphene.Boolean(required=True)
    available_for_purchase_at = graphene.DateTime()
    discounted_price = graphene.Field(Money)
    is_available_for_purchase = graphene.Boolean()

    class Meta:
        model = models.ProductChannelListing
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        """As `Product.channelListings`: only for those who manage products."""
        if not is_staff_with(info, ProductPermissions.MANAGE_PRODUCTS):
            return None
        return cls._meta.model.objects.filter(pk=pk).first()

    @staticmethod
    def resolve_discounted_price(root, info):
        return money(root.discounted_price_amount, root.currency)

    @staticmethod
    def resolve_is_available_for_purchase(root, info):
        from django.utils import timezone

        return bool(root.available_for_purchase_at and root.available_for_purchase_at <= timezone.now())


class ProductVariantChannelListing(ModelObjectType):
    channel = graphene.Field(Channel, required=True)
    price = graphene.Field(Money)
    cost_price = graphene.Field(Money)
    prior_price = graphene.Field(Money)

    class Meta:
        model = models.ProductVariantChannelListing
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        """As `Product.channelListings`: only for those who manage products."""
        if not is_staff_with(info, ProductPermissions.MANAGE_PRODUCTS):
            return None
        return cls._meta.model.objects.filter(pk=pk).first()

    @staticmethod
    def resolve_price(root, info):
        return money(root.price_amount, root.currency)

    @staticmethod
    def resolve_cost_price(root, info):
        return money(root.cost_price_amount, root.currency)

    @staticmethod
    def resolve_prior_price(root, info):
        return money(root.prior_price_amount, root.currency)

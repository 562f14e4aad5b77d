"""OCOP fair types: FairEvent, FairZone, FairBooth, FairSideEvent, FairProducer, FairCampaign, FairError.
Names are prefixed with Fair so none clashes with Saleor's schema."""

from __future__ import annotations

import graphene

from marketplace.core.permissions import DiscountPermissions, OcopPermissions
from marketplace.fair import models
from marketplace.fair.selectors import fair_status, products_check_for_fair, province_name
from marketplace.graphql.core.errors import permission_denied
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.scalars import PositiveDecimal
from marketplace.graphql.core.types import Image, ObjectWithMetadata, absolute_media_url, is_staff_with
from marketplace.graphql.discount.types import Promotion, RewardValueTypeEnum
from marketplace.graphql.fair import loaders
from marketplace.graphql.fair.enums import (
    FairErrorCode,
    FairEventStatusEnum,
    FairSideEventKindEnum,
    FairZoneKindEnum,
)
from marketplace.graphql.product.context import with_channel
from marketplace.graphql.product.types import Product, prime_product_page


def can_manage_fairs(info) -> bool:
    return is_staff_with(info, OcopPermissions.MANAGE_FAIRS)


def _require_manage_fairs(info) -> None:
    if not can_manage_fairs(info):
        raise permission_denied(["MANAGE_FAIRS"])


def _fair_part_visible(info, part):
    """A zone, booth or side event is readable where its fair is (`fair(id:)`): drafts only for fair managers."""
    from marketplace.fair.selectors import fair_get

    if part is None or fair_get(pk=part.fair_id, public=not can_manage_fairs(info)) is None:
        return None
    return part


def _global_id(type_name: str, pk: int | None) -> str | None:
    return graphene.relay.Node.to_global_id(type_name, pk) if pk else None


class FairError(graphene.ObjectType):
    field = graphene.String(description="The input field the error is about, when there is one.")
    message = graphene.String()
    code = graphene.Field(FairErrorCode, required=True)
    products = graphene.List(graphene.NonNull(graphene.ID), description="Products the error is about.")


class FairProducer(graphene.ObjectType):
    """An OCOP producer (chủ thể) as a fair shows it."""

    id = graphene.ID(required=True, description="Global id of type Producer.")
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    kind = graphene.String(required=True)
    province_code = graphene.String()
    province_name = graphene.String()

    @staticmethod
    def resolve_id(root, info):
        return _global_id("Producer", root.pk)

    @staticmethod
    def resolve_province_name(root, info):
        return province_name(root.province_code)


class FairProductCheck(graphene.ObjectType):
    """Staff: whether a product on show is still certified for the whole fair."""

    product_id = graphene.ID(required=True)
    product_name = graphene.String(required=True)
    is_listable = graphene.Boolean(required=True)
    certificate_expires_on = graphene.Date()
    certificate_lapses_before_end = graphene.Boolean(required=True)

    @staticmethod
    def from_check(check) -> FairProductCheck:
        return FairProductCheck(product_id=_global_id("Product", check.product.pk), product_name=check.product.name,
                                is_listable=check.listable, certificate_expires_on=check.expires_on,
                                certificate_lapses_before_end=check.lapses_before_end)


class FairZone(ModelObjectType):
    name = graphene.String(required=True)
    code = graphene.String(required=True)
    kind = graphene.Field(FairZoneKindEnum, required=True)
    province_code = graphene.String()

    class Meta:
        model = models.FairZone
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        """Readable where its fair is: published fairs for everyone, drafts for fair managers."""
        return _fair_part_visible(info, cls._meta.model.objects.filter(pk=pk).first())


class FairBooth(ModelObjectType):
    code = graphene.String(required=True)
    zone = graphene.Field(FairZone)
    producer = graphene.Field(FairProducer, required=True)
    products = graphene.List(graphene.NonNull(Product), required=True, channel=graphene.String(),
                             description="Products on show that shoppers may see now (valid OCOP certificate).")
    reward_value_type = graphene.Field(RewardValueTypeEnum, description="This booth's own fair discount.")
    reward_value = PositiveDecimal()
    sales_point_id = graphene.ID(description="Staff: the warehouse the booth sells from.")
    product_checks = graphene.List(graphene.NonNull(FairProductCheck), required=True,
                                   description="Staff: certificate checks of every product on show.")

    class Meta:
        model = models.Booth
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        """Readable where its fair is: published fairs for everyone, drafts for fair managers."""
        return _fair_part_visible(info, cls._meta.model.objects.filter(pk=pk).first())

    @staticmethod
    def resolve_zone(root, info):
        return loaders.ZoneById.on(info).load(root.zone_id) if root.zone_id else None

    @staticmethod
    def resolve_producer(root, info):
        return root.producer

    @staticmethod
    def resolve_products(root, info, channel=None):
        from marketplace.graphql.product.resolvers import channel_or_error

        cache = info.context.__dict__.setdefault("_fair_channels", {})
        if channel not in cache:
            cache[channel] = channel_or_error(channel)
        the_channel = cache[channel]
        loader = loaders.VisibleProductsByBooth.on(info, the_channel.pk)
        if root.pk not in loader.cache:
            # Load the products of every booth resolved in this request at once, and register them all with
            # the product loaders, so a whole fair's products, variants and prices cost a fixed few queries.
            loader.prime(b.pk for group in loaders.BoothsByFair.on(info).cache.values() for b in group)
            loader.load(root.pk)
            prime_product_page(info, [p for group in loader.cache.values() for p in group], the_channel)
        return with_channel(list(loader.load(root.pk)), the_channel)

    @staticmethod
    def resolve_reward_value_type(root, info):
        return root.reward_value_type or None

    @staticmethod
    def resolve_sales_point_id(root, info):
        _require_manage_fairs(info)
        return _global_id("Warehouse", root.sales_point_id)

    @staticmethod
    def resolve_product_checks(root, info):
        _require_manage_fairs(info)
        ids = list(root.booth_products.values_list("product_id", flat=True))
        return [FairProductCheck.from_check(c) for c in products_check_for_fair(fair=root.fair, product_ids=ids,
                                                                                booth=root)]


class FairSideEvent(ModelObjectType):
    kind = graphene.Field(FairSideEventKindEnum, required=True)
    title = graphene.String(required=True)
    description = graphene.String(required=True)
    start_at = graphene.DateTime(required=True)
    end_at = graphene.DateTime()
    location = graphene.String(required=True)
    stream_url = graphene.String(required=True)

    class Meta:
        model = models.FairSideEvent
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        """Readable where its fair is: published fairs for everyone, drafts for fair managers."""
        return _fair_part_visible(info, cls._meta.model.objects.filter(pk=pk).first())


class FairCampaign(graphene.ObjectType):
    """The fair price: a discount on booth products for exactly the fair's dates."""

    reward_value_type = graphene.Field(RewardValueTypeEnum)
    reward_value = PositiveDecimal()
    start_date = graphene.DateTime(required=True)
    end_date = graphene.DateTime(required=True)
    promotion = graphene.Field(Promotion, description="Staff (MANAGE_DISCOUNTS): the Promotion applying it.")

    @staticmethod
    def resolve_reward_value_type(root, info):
        return root.reward_value_type or None

    @staticmethod
    def resolve_reward_value(root, info):
        return root.reward_value

    @staticmethod
    def resolve_start_date(root, info):
        return root.start_at

    @staticmethod
    def resolve_end_date(root, info):
        return root.end_at

    @staticmethod
    def resolve_promotion(root, info):
        if not is_staff_with(info, DiscountPermissions.MANAGE_DISCOUNTS):
            raise permission_denied(["MANAGE_DISCOUNTS"])
        return root.campaign


class FairEvent(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    description = graphene.String(required=True)
    start_at = graphene.DateTime(required=True)
    end_at = graphene.DateTime(required=True)
    status = graphene.Field(FairEventStatusEnum, required=True)
    published_at = graphene.DateTime()
    venue_name = graphene.String(required=True)
    venue_address = graphene.String(required=True)
    latitude = graphene.Float()
    longitude = graphene.Float()
    province_code = graphene.String(required=True)
    province_name = graphene.String(required=True)
    organiser = graphene.String(required=True)
    cover_image = graphene.Field(Image)
    calendar_url = graphene.String(required=True, description="The .ics file to add the fair to a calendar.")
    zones = graphene.List(graphene.NonNull(FairZone), required=True)
    booths = graphene.List(graphene.NonNull(FairBooth), required=True, zone=graphene.ID())
    side_events = graphene.List(graphene.NonNull(FairSideEvent), required=True)
    campaign = graphene.Field(FairCampaign)

    class Meta:
        model = models.FairEvent
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def get_visible_node(cls, info, pk):
        from marketplace.fair.selectors import fair_get

        return fair_get(pk=pk, public=not can_manage_fairs(info))

    @staticmethod
    def resolve_status(root, info):
        return getattr(root, "status_now", None) or fair_status(fair=root)

    @staticmethod
    def resolve_latitude(root, info):
        return float(root.latitude) if root.latitude is not None else None

    @staticmethod
    def resolve_longitude(root, info):
        return float(root.longitude) if root.longitude is not None else None

    @staticmethod
    def resolve_province_name(root, info):
        return province_name(root.province_code)

    @staticmethod
    def resolve_cover_image(root, info):
        if not root.cover_image:
            return None
        return Image(url=absolute_media_url(info, root.cover_image.url), alt=root.cover_image_alt or root.name)

    @staticmethod
    def resolve_calendar_url(root, info):
        from django.urls import reverse

        return absolute_media_url(info, reverse("storefront:fair_ics", args=[root.slug]))

    @staticmethod
    def resolve_zones(root, info):
        return loaders.ZonesByFair.on(info).load(root.pk)

    @staticmethod
    def resolve_booths(root, info, zone=None):
        booths = loaders.BoothsByFair.on(info).load(root.pk)
        if zone is not None:
            from marketplace.graphql.core.ids import pk_from_global_id

            zone_pk = pk_from_global_id(zone, "FairZone", field="zone")
            booths = [b for b in booths if b.zone_id == zone_pk]
        loaders.ZoneById.on(info).prime({b.zone_id for b in booths if b.zone_id})
        return booths

    @staticmethod
    def resolve_side_events(root, info):
        return loaders.SideEventsByFair.on(info).load(root.pk)

    @staticmethod
    def resolve_campaign(root, info):
        has_booth_rewards = any(b.reward_value is not None for b in loaders.BoothsByFair.on(info).load(root.pk))
        return root if root.reward_value is not None or has_booth_rewards else None

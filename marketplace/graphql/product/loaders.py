"""Batch loaders for catalog relations (see core/loaders.py); each calls one batch selector."""

from __future__ import annotations

from marketplace.discount.selectors import variant_prices_get
from marketplace.graphql.core.loaders import BatchLoader
from marketplace.product import batch_selectors as batch
from marketplace.warehouse.selectors import variants_quantity_available


class VariantsByProduct(BatchLoader):
    default = list

    def batch_load(self, keys):
        return batch.variants_by_product_ids(keys)


class MediaByProduct(BatchLoader):
    default = list

    def batch_load(self, keys):
        return batch.media_by_product_ids(keys)


class CategoryById(BatchLoader):
    def batch_load(self, keys):
        return batch.categories_by_ids(keys)


class ProductTypeById(BatchLoader):
    def batch_load(self, keys):
        return batch.product_types_by_ids(keys)


class ProductById(BatchLoader):
    def batch_load(self, keys):
        return batch.products_by_ids(keys)


class ProductTranslationByProduct(BatchLoader):
    """args: (language_code,)"""

    def batch_load(self, keys):
        return batch.product_translations_by_product_ids(keys, self.args[0])


class AttributeValuesByProduct(BatchLoader):
    default = list

    def batch_load(self, keys):
        return batch.attribute_values_by_product_ids(keys)


class CollectionsByProduct(BatchLoader):
    default = list

    def batch_load(self, keys):
        return batch.collections_by_product_ids(keys)


class ChannelListingByProduct(BatchLoader):
    """args: (channel_id,)"""

    def batch_load(self, keys):
        return batch.channel_listing_by_product_ids(keys, self.args[0])


class ChannelListingsByProduct(BatchLoader):
    default = list

    def batch_load(self, keys):
        return batch.channel_listings_by_product_ids(keys)


class VariantChannelListingsByVariant(BatchLoader):
    default = list

    def batch_load(self, keys):
        return batch.variant_channel_listings_by_variant_ids(keys)


class VariantPriceByVariant(BatchLoader):
    """args: (channel_id,) -> discount.selectors.VariantPrice (the price now, promotions applied)."""

    def batch_load(self, keys):
        return variant_prices_get(variant_ids=keys, channel_id=self.args[0])


class QuantityAvailableByVariant(BatchLoader):
    """args: (channel_id,)"""

    default = 0

    def batch_load(self, keys):
        return variants_quantity_available(variant_ids=keys, channel_id=self.args[0])

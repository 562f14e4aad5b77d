"""Batch loaders for fair relations (see core/loaders.py)."""

from __future__ import annotations

from marketplace.fair import batch_selectors as batch
from marketplace.graphql.core.loaders import BatchLoader


class ZonesByFair(BatchLoader):
    default = list

    def batch_load(self, keys):
        return batch.zones_by_fair_ids(keys)


class BoothsByFair(BatchLoader):
    default = list

    def batch_load(self, keys):
        return batch.booths_by_fair_ids(keys)


class SideEventsByFair(BatchLoader):
    default = list

    def batch_load(self, keys):
        return batch.side_events_by_fair_ids(keys)


class ZoneById(BatchLoader):
    def batch_load(self, keys):
        return batch.zones_by_ids(keys)


class VisibleProductsByBooth(BatchLoader):
    """args: (channel_id,)"""

    default = list

    def batch_load(self, keys):
        return batch.visible_products_by_booth_ids(keys, channel_id=self.args[0])

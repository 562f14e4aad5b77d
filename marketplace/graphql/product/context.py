"""The channel a product was fetched in travels with it (Saleor's ChannelContext), set as attributes."""

from __future__ import annotations

from typing import Any

from marketplace.channel.models import Channel


def with_channel(objs: list[Any], channel: Channel | None) -> list[Any]:
    for obj in objs:
        obj._channel = channel
    return objs


def channel_of(obj: Any) -> Channel | None:
    return getattr(obj, "_channel", None)

from __future__ import annotations

from marketplace.channel.models import Channel


def channel_ensure(*, slug: str, name: str, currency_code: str = "VND", default_country: str = "VN") -> Channel:
    channel, _ = Channel.objects.get_or_create(
        slug=slug, defaults={"name": name, "currency_code": currency_code, "default_country": default_country}
    )
    return channel

from django.apps import AppConfig


class ChannelConfig(AppConfig):
    name = "marketplace.channel"
    label = "channel"
    verbose_name = "Channels"

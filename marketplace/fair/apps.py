from django.apps import AppConfig


class FairConfig(AppConfig):
    name = "marketplace.fair"
    label = "fair"
    verbose_name = "Fairs"

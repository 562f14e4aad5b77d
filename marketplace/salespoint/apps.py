from django.apps import AppConfig


class SalespointConfig(AppConfig):
    name = "marketplace.salespoint"
    label = "salespoint"
    verbose_name = "Sales points"

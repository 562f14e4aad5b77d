from django.apps import AppConfig


class PageConfig(AppConfig):
    name = "marketplace.page"
    label = "page"
    verbose_name = "Pages"

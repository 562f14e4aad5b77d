from django.apps import AppConfig


class MenuConfig(AppConfig):
    name = "marketplace.menu"
    label = "menu"
    verbose_name = "Menus"

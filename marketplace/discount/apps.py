from django.apps import AppConfig


class DiscountConfig(AppConfig):
    name = "marketplace.discount"
    label = "discount"
    verbose_name = "Discounts and promotions"

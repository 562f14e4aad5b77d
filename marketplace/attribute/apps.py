from django.apps import AppConfig


class AttributeConfig(AppConfig):
    name = "marketplace.attribute"
    label = "attribute"
    verbose_name = "Attributes"

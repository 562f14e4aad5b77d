from django.apps import AppConfig


class ProducerConfig(AppConfig):
    name = "marketplace.producer"
    label = "producer"
    verbose_name = "OCOP producers"

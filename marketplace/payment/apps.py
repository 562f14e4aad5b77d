from django.apps import AppConfig


class PaymentConfig(AppConfig):
    name = "marketplace.payment"
    label = "payment"
    verbose_name = "Payments"

from django.apps import AppConfig


class PaymentConfig(AppConfig):
    name = "marketplace.payment"
    label = "payment"
    verbose_name = "Payments"

    def ready(self) -> None:
        # Payment is the lowest app that can reach both the order services and order_mark_paid (cash at the
        # counter), so it is the one that feeds the sales points' pickup queue.
        from marketplace.payment.pickup_backend import OrderPickupBackend
        from marketplace.salespoint.pickups import pickup_backend_set

        pickup_backend_set(OrderPickupBackend())

from django.apps import AppConfig


class OrderConfig(AppConfig):
    name = "marketplace.order"
    label = "order"
    verbose_name = "Orders"

    def ready(self) -> None:
        # marketplace.fair sits below orders: it learns of online sales only through this registration.
        from marketplace.fair.report import sales_source_register
        from marketplace.order.fair_sales import online_sales_rows

        sales_source_register(online_sales_rows)

from django.apps import AppConfig


class FairConfig(AppConfig):
    name = "marketplace.fair"
    label = "fair"
    verbose_name = "Fairs"

    def ready(self) -> None:
        from marketplace.fair.report import sales_source_register
        from marketplace.fair.report_sources import counter_sales_rows

        sales_source_register(counter_sales_rows)

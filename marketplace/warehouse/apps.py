from django.apps import AppConfig


class WarehouseConfig(AppConfig):
    name = "marketplace.warehouse"
    label = "warehouse"
    verbose_name = "Warehouses and stock"

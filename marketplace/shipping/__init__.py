"""Shipping zones by province with flat VND rates, and shipping methods (Saleor ShippingZone/ShippingMethod)."""

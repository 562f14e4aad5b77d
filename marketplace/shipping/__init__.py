"""Shipping zones by province (the 34 current ones) with flat VND rates per channel, and the demo seed
`services.shipping_zones_seed()`. Pickup at a sales point is not a shipping method (it is a Warehouse chosen
as collection point, free). Exports selectors.shipping_options_for."""

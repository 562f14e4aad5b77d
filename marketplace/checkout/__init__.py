"""Checkouts (carts): lines priced by discount.selectors, stock reservations, contact, Vietnamese addresses,
delivery (shipping method or sales-point pickup) and `complete.checkout_complete`, which creates the order.
Does not take payment (marketplace.payment does, on the order). Exports services, selectors, complete."""

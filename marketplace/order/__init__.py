"""Orders, lines, events and Saleor's statuses; allocation at placement, pickup ready/hand-over, fulfilment,
cancellation, expiry, confirmation e-mails. Does not move money (marketplace.payment records it and calls
`order_payment_totals_set`). Exports services (order_pickup_ready, order_pickup_handover…) and selectors."""

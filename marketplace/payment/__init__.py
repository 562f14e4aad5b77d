"""Payments: TransactionItem/TransactionEvent for Stripe PaymentIntents (VND, zero-decimal) and cash on delivery,
the Stripe webhook (verified, once per event id), refunds, order_mark_paid and order_cancel_and_refund.
Only stripe_gateway.py talks to Stripe. Exports services, selectors, webhooks.stripe_webhook; registers the sales
points' pickup backend (pickup_backend.py) at start-up."""

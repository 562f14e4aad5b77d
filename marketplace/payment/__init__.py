"""Payments: transactions with Stripe and cash on delivery."""

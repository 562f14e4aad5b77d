"""Checkouts (carts) and completing them into orders."""

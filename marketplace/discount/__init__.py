"""Promotions with rules and a time window (fair-time prices use them)."""

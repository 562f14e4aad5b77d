"""Warehouses, stock, reservations (checkout) and allocations (orders): where stock gets reserved and taken."""

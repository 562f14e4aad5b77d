"""OCOP introduction-and-sales points on top of warehouses: profiles, operators, ledger, counter sales."""

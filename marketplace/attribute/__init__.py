"""Attributes and values (stars, product group, province) assigned to products for Saleor-style filtering."""

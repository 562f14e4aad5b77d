"""OCOP producers (chủ thể): enterprises, cooperatives, household businesses that own certified products."""

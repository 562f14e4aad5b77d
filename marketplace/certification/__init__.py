"""OCOP certificates, their history, and the listing rule: what may be shown and sold, at this moment."""

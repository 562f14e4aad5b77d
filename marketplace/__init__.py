"""OCOP Market: the Django project (commerce core, OCOP apps, GraphQL API)."""

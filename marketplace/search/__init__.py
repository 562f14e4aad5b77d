"""One search interface for products; PostgreSQL (default) and Elasticsearch backends."""

"""Search backends behind one interface (base.SearchBackend): PostgreSQL always, Elasticsearch when set."""

"""Registry sync: a client per source (JSON API, Excel annex), pure mapping to our models, upserts through the
domain services, SyncRun logs, and Celery tasks. Owns only its run log; writes the catalog through
services."""

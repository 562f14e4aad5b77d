"""Wiring only: settings, URLs, the Celery app, WSGI/ASGI. App code reads django.conf.settings."""
from marketplace.config.celery import app as celery_app

__all__ = ["celery_app"]

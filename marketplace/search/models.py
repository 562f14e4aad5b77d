from __future__ import annotations

from django.db import models


class SearchIndexCursor(models.Model):
    """How far the periodic index sync has read the change timestamps (products, certificates, producers)."""

    name = models.CharField(max_length=64, unique=True)
    position = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} @ {self.position.isoformat()}"

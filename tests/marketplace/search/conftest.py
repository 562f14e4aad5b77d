from __future__ import annotations

import pytest

from marketplace.search.services import search_index_products


@pytest.fixture
def reindex(db):
    """Index everything built so far (the periodic sync does this in production)."""
    return lambda: search_index_products()

"""From a registry record (JSON API) or an annex row (Excel) to the typed values the domain services store.

Pure functions: no database, no network, no clock. Anything that cannot be read becomes a `Rejection` with a
plain reason (in Vietnamese, for staff) and a stable code; the rest of the batch goes on without it.
"""

from catalog_sync.mapping.annex import DecisionInfo, annex_columns, map_annex_row
from catalog_sync.mapping.api import dedupe_latest, map_api_record
from catalog_sync.mapping.common import RejectCode, Rejection, parse_datetime

__all__ = ["DecisionInfo", "RejectCode", "Rejection", "annex_columns", "dedupe_latest", "map_annex_row",
           "map_api_record", "parse_datetime"]

"""From a registry record (JSON API) or an annex row (Excel) to the typed values the domain services store.

Pure functions: no database, no network, no clock. Anything that cannot be read becomes a `Rejection` with a
plain reason (in Vietnamese, for staff) and a stable code; the rest of the batch goes on without it. Identity
and status are read first: a rejected record still carries what it says about the certificate's standing.
"""

from catalog_sync.mapping.annex import DecisionInfo, annex_columns, map_annex_row
from catalog_sync.mapping.api import dedupe_latest, map_api_record
from catalog_sync.mapping.common import NoteCode, RejectCode, Rejection, parse_datetime
from catalog_sync.mapping.status import dedupe_status_changes, status_applied_message

__all__ = ["DecisionInfo", "NoteCode", "RejectCode", "Rejection", "annex_columns", "dedupe_latest",
           "dedupe_status_changes", "map_annex_row", "map_api_record", "parse_datetime",
           "status_applied_message"]

from __future__ import annotations

from enum import Enum


class CertificationErrorCode(str, Enum):
    NOT_FOUND = "not_found"
    INVALID = "invalid"
    SAVE_FAILED = "save_failed"

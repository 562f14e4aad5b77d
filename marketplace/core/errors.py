"""DomainError: what services raise when a rule says no. Interfaces turn it into GraphQL `errors{field message
code}` or a form message; the code is an enum value from the app's error_codes.py."""

from __future__ import annotations

from enum import Enum


class DomainError(Exception):
    def __init__(self, message: str, *, code: Enum | str, field: str | None = None, **params: object):
        super().__init__(message)
        self.message = message
        self.code = code.value if isinstance(code, Enum) else code
        self.field = field
        self.params = params

    def __str__(self) -> str:
        return self.message


class DomainErrors(Exception):
    """Several DomainErrors at once, e.g. one per bad checkout line."""

    def __init__(self, errors: list[DomainError]):
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors

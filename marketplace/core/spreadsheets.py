"""Cells for spreadsheets we hand out (CSV and Excel exports). Text typed by a user (a ledger reason, a booth or
product name) must never become a live formula when staff open the file: Excel, LibreOffice and Google Sheets
evaluate a cell that starts with =, +, - or @ (and tab or carriage return can smuggle one in), which turns an
export into a way to run commands or leak data (OWASP "CSV injection")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell_safe(value: Any) -> Any:
    """The value to write into a cell: text that a spreadsheet would read as a formula gets a leading
    apostrophe, which every spreadsheet program shows as plain text. Numbers, dates and None pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def spreadsheet_row_safe(values: Iterable[Any]) -> list[Any]:
    return [spreadsheet_cell_safe(value) for value in values]

"""Text a user typed never becomes a live formula in an export."""

from __future__ import annotations

from datetime import date

import pytest

from marketplace.core.spreadsheets import spreadsheet_cell_safe, spreadsheet_row_safe


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"bấm\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_leading_text_is_kept_as_text(text):
    assert spreadsheet_cell_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["Nước mắm", "PGH-42", "", " =1", None, -3, 12.5, date(2026, 5, 1)])
def test_plain_text_numbers_and_dates_are_unchanged(value):
    assert spreadsheet_cell_safe(value) == value


def test_a_row_is_made_safe_cell_by_cell():
    assert spreadsheet_row_safe(["=1", -1, "a"]) == ["'=1", -1, "a"]

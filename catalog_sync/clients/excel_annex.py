"""The Excel annex of a certification decision (registry README): one sheet, a header row, a product a row.

The header row is found among the first rows of each sheet (title lines above it are common); columns are
matched by mapping.annex_columns. Blank rows and district headings (no number, no stars) are skipped; any
other row that cannot be read is rejected with its row number."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from catalog_sync.clients.base import AnnexUnreadable, Batch, RegistryClient, SourceItem
from catalog_sync.mapping import DecisionInfo, Rejection, annex_columns, map_annex_row
from catalog_sync.mapping.annex import REQUIRED_COLUMNS, is_header_row
from marketplace.certification.registry_data import CertificateData

HEADER_SEARCH_ROWS = 20


def _cell(value: object) -> object:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip()
    return value


def _is_heading(row: dict[str, object]) -> bool:
    """A row like "I | HUYỆN CAN LỘC" that only groups the rows below it."""
    stt = str(row.get("stt") or "").strip()
    return not stt.isdigit() and not row.get("stars") and not row.get("producer")


class ExcelAnnexClient(RegistryClient):
    kind = "excel_annex"

    def __init__(self, *, path: str | Path, decision: DecisionInfo) -> None:
        super().__init__()
        self.path = Path(path)
        self.decision = decision

    def read_rows(self) -> list[SourceItem]:
        try:
            workbook = load_workbook(self.path, read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise AnnexUnreadable(f"Không mở được tệp Excel {self.path.name}: {exc}") from exc
        try:
            for sheet in workbook.worksheets:
                rows = sheet.iter_rows(values_only=True)
                for row_number, cells in enumerate(rows, start=1):
                    if row_number > HEADER_SEARCH_ROWS:
                        break
                    columns = annex_columns(list(cells))
                    if is_header_row(columns):
                        return list(self._data_rows(rows, columns, first_row=row_number + 1))
        finally:
            workbook.close()
        wanted = ", ".join(REQUIRED_COLUMNS)
        raise AnnexUnreadable(
            f"Không tìm thấy dòng tiêu đề trong {self.path.name} (cần ít nhất các cột: {wanted}, ví dụ "
            "“Tên sản phẩm” và “Số sao”)"
        )

    @staticmethod
    def _data_rows(rows: Iterator[tuple], columns: dict[int, str], *, first_row: int) -> Iterator[SourceItem]:
        for row_number, cells in enumerate(rows, start=first_row):
            row = {name: _cell(cells[index]) for index, name in columns.items() if index < len(cells)}
            if all(value in (None, "") for value in row.values()) or _is_heading(row):
                continue
            yield SourceItem(raw=row, row_number=row_number)

    def batches(self, *, since: str | None = None) -> Iterator[Batch]:
        items = self.read_rows()
        yield Batch(items=items, total=len(items), cursor=None)

    def map_item(self, item: SourceItem) -> CertificateData | Rejection:
        return map_annex_row(item.raw, row_number=item.row_number or 0, decision=self.decision)  # type: ignore[arg-type]

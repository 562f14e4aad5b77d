"""Console output shared by the sync commands: a progress bar and the end-of-run report."""

from __future__ import annotations

from django.core.management.base import OutputWrapper

from catalog_sync.models import SyncRun
from catalog_sync.selectors import sync_record_warning_list, sync_rejected_record_list
from catalog_sync.services import Progress

ROWS = (("received", "Nhận / received"), ("created", "Tạo mới / created"), ("updated", "Cập nhật / updated"),
        ("unchanged", "Không đổi / unchanged"), ("delisted", "Gỡ khỏi cửa hàng / delisted"),
        ("relisted", "Bán trở lại / relisted"), ("rejected", "Từ chối / rejected"),
        ("status_applied", "Vẫn áp dụng trạng thái / status applied"), ("warnings", "Cảnh báo / warnings"))


class ProgressBar:
    def __init__(self, stream: OutputWrapper, *, width: int = 32) -> None:
        self.stream = stream
        self.width = width
        self.tty = stream.isatty()

    def __call__(self, progress: Progress) -> None:
        total = max(progress.total or 0, progress.done)
        filled = int(self.width * progress.done / total) if total else self.width
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {progress.done}/{total or '?'} bản ghi"
        # On a terminal the bar redraws in place; in a log, one line per batch.
        self.stream.write(f"\r{line}" if self.tty else line, ending="" if self.tty else "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("")


def summary_table(run: SyncRun) -> str:
    duration = f"{run.duration_seconds:.1f} s" if run.duration_seconds is not None else "-"
    rows = [("Nguồn / source", run.source_label), ("Trạng thái / status", run.get_status_display()),
            ("Thời gian / duration", duration),
            *((label, str(getattr(run, field))) for field, label in ROWS)]
    left = max(len(label) for label, _ in rows)
    right = max(len(value) for _, value in rows)
    rule = f"+-{'-' * left}-+-{'-' * right}-+"
    lines = [rule, *(f"| {label:<{left}} | {value:>{right}} |" if value.isdigit() else
                     f"| {label:<{left}} | {value:<{right}} |" for label, value in rows), rule]
    return "\n".join(lines)


def rejected_report(run: SyncRun, *, limit: int | None = 50) -> str:
    rejects = list(sync_rejected_record_list(run_id=run.pk)[: limit or None])
    if not rejects:
        return "Không có bản ghi nào bị từ chối."
    lines = ["Bản ghi bị từ chối / rejected:"]
    for reject in rejects:
        where = f"dòng {reject.row_number}" if reject.row_number else reject.record_id or "?"
        lines.append(f"  {where:<28} {reject.code:<24} {reject.reason}")
    if limit and run.rejected > limit:
        lines.append(f"  … và {run.rejected - limit} bản ghi khác (xem trang quản trị, lượt #{run.pk})")
    return "\n".join(lines)


def warnings_report(run: SyncRun, *, limit: int | None = 50) -> str:
    warnings = list(sync_record_warning_list(run_id=run.pk)[: limit or None])
    if not warnings:
        return ""
    lines = ["Cảnh báo / warnings:"]
    for warning in warnings:
        where = f"dòng {warning.row_number}" if warning.row_number else warning.record_id or "?"
        lines.append(f"  {where:<28} {warning.code:<24} {warning.message}")
    if limit and run.warnings > limit:
        lines.append(f"  … và {run.warnings - limit} cảnh báo khác (xem trang quản trị, lượt #{run.pk})")
    return "\n".join(lines)

"""The sync's own records: where we sync from (RegistrySource) and what each run did (SyncRun, rejects).
The catalog itself is written only through the domain services."""

from __future__ import annotations

from django.db import models


class SourceKind(models.TextChoices):
    JSON_API = "json_api", "JSON API"
    EXCEL_ANNEX = "excel_annex", "Phụ lục quyết định (Excel)"


class RegistrySource(models.Model):
    """A registry we sync from. Entries in settings.REGISTRY_SOURCES are mirrored here by name; staff can add
    more in the admin. `cursor` is the newest `updated_at` stored so far (the next `updated_since`)."""

    name = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=16, choices=SourceKind.choices, default=SourceKind.JSON_API)
    url = models.URLField(max_length=500)
    token = models.CharField(max_length=500, blank=True)
    is_active = models.BooleanField(default=True)
    page_size = models.PositiveSmallIntegerField(default=500)
    timeout_seconds = models.FloatField(default=20.0)
    cursor = models.CharField(max_length=64, blank=True)
    from_settings = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "nguồn sổ đăng ký"
        verbose_name_plural = "nguồn sổ đăng ký"

    def __str__(self) -> str:
        return self.name


class SyncRunStatus(models.TextChoices):
    RUNNING = "running", "Đang chạy"
    SUCCEEDED = "succeeded", "Thành công"
    FAILED = "failed", "Thất bại"
    SKIPPED = "skipped", "Bỏ qua (đang có lượt khác)"


class SyncRun(models.Model):
    """One sync of one source: counts per outcome, and the error that stopped it if any. Batches that were
    committed before a failure stay committed (and counted); the failing batch left nothing behind."""

    source = models.ForeignKey(RegistrySource, null=True, blank=True, related_name="runs",
                               on_delete=models.SET_NULL)
    source_label = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=SourceKind.choices)
    full = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=SyncRunStatus.choices, default=SyncRunStatus.RUNNING,
                              db_index=True)
    started_at = models.DateTimeField(db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    received = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    delisted = models.PositiveIntegerField(default=0)
    relisted = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    # Records stored with a note (e.g. a group filed under its parent), and rejected records whose status
    # (revoked, expired, superseded, fewer stars) was applied all the same.
    warnings = models.PositiveIntegerField(default=0)
    status_applied = models.PositiveIntegerField(default=0)
    batches = models.PositiveIntegerField(default=0)
    cursor_before = models.CharField(max_length=64, blank=True)
    cursor_after = models.CharField(max_length=64, blank=True)
    error = models.TextField(blank=True)
    # Worth retrying later: the registry was down, throttling or answering garbage.
    error_is_temporary = models.BooleanField(default=False)
    details = models.JSONField(default=dict, blank=True)  # e.g. the decision of an Excel annex

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = "lượt đồng bộ"
        verbose_name_plural = "lượt đồng bộ"

    def __str__(self) -> str:
        return f"{self.source_label} @ {self.started_at:%Y-%m-%d %H:%M} ({self.status})"

    @property
    def duration_seconds(self) -> float | None:
        if self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()


class SyncRejectedRecord(models.Model):
    """A record or row the run could not take, with a plain reason. The rest of its batch went in."""

    run = models.ForeignKey(SyncRun, related_name="rejected_records", on_delete=models.CASCADE)
    record_id = models.CharField(max_length=200, blank=True, db_index=True)
    row_number = models.PositiveIntegerField(null=True, blank=True)
    code = models.CharField(max_length=40)
    reason = models.TextField()
    payload = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "bản ghi bị từ chối"
        verbose_name_plural = "bản ghi bị từ chối"

    def __str__(self) -> str:
        where = self.record_id or f"dòng {self.row_number}"
        return f"{where}: {self.reason}"


class SyncRecordWarning(models.Model):
    """Something a run did with a record that staff should know: a group filed under its parent, or the
    status of a rejected record applied all the same."""

    run = models.ForeignKey(SyncRun, related_name="record_warnings", on_delete=models.CASCADE)
    record_id = models.CharField(max_length=200, blank=True, db_index=True)
    row_number = models.PositiveIntegerField(null=True, blank=True)
    code = models.CharField(max_length=40)
    message = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "cảnh báo bản ghi"
        verbose_name_plural = "cảnh báo bản ghi"

    def __str__(self) -> str:
        where = self.record_id or f"dòng {self.row_number}"
        return f"{where}: {self.message}"

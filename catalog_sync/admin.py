"""Staff pages for the sync: sources (URL, token, cursor) and the run log with each run's rejected records.
Runs are read-only: they are a record of what happened."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from catalog_sync.models import RegistrySource, SyncRecordWarning, SyncRejectedRecord, SyncRun, SyncRunStatus
from marketplace.core.permissions import OcopPermissions

_STATUS_COLOURS = {SyncRunStatus.SUCCEEDED: "#2e7d32", SyncRunStatus.FAILED: "#c62828",
                   SyncRunStatus.RUNNING: "#1565c0", SyncRunStatus.SKIPPED: "#757575"}


def _may_manage_sync(request: HttpRequest) -> bool:
    return request.user.is_active and request.user.is_staff and (
        request.user.is_superuser or request.user.has_perm(OcopPermissions.MANAGE_REGISTRY_SYNC.value)
    )


class _SyncPermissionMixin:
    """Staff with MANAGE_REGISTRY_SYNC may use these pages without model-level permissions."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _may_manage_sync(request)

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _may_manage_sync(request)


class RegistrySourceForm(forms.ModelForm):
    url = forms.URLField(max_length=500, assume_scheme="https")

    class Meta:
        model = RegistrySource
        fields = ["name", "kind", "url", "token", "is_active", "page_size", "timeout_seconds", "cursor"]
        widgets = {"token": forms.PasswordInput(render_value=True)}


@admin.register(RegistrySource)
class RegistrySourceAdmin(_SyncPermissionMixin, admin.ModelAdmin):
    form = RegistrySourceForm
    list_display = ("name", "kind", "url", "is_active", "from_settings", "cursor", "last_run")
    list_filter = ("kind", "is_active", "from_settings")
    search_fields = ("name", "url")
    actions = ("sync_now", "sync_full_now")

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _may_manage_sync(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _may_manage_sync(request)

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _may_manage_sync(request)

    @admin.display(description="Lượt gần nhất")
    def last_run(self, source: RegistrySource) -> str:
        run = source.runs.order_by("-started_at").first()
        if run is None:
            return "-"
        return f"{run.started_at:%d/%m/%Y %H:%M} · {run.get_status_display()}"

    def _queue(self, request: HttpRequest, queryset: QuerySet[RegistrySource], *, full: bool) -> None:
        from catalog_sync.tasks import registry_sync_source_task

        ids = list(queryset.filter(is_active=True).values_list("pk", flat=True))
        for source_id in ids:
            transaction.on_commit(lambda sid=source_id: registry_sync_source_task.delay(source_id=sid,
                                                                                        full=full))
        self.message_user(request, f"Đã xếp lịch đồng bộ {len(ids)} nguồn.", messages.SUCCESS)

    @admin.action(description="Đồng bộ ngay (gia tăng)")
    def sync_now(self, request: HttpRequest, queryset: QuerySet[RegistrySource]) -> None:
        self._queue(request, queryset, full=False)

    @admin.action(description="Đồng bộ toàn bộ ngay")
    def sync_full_now(self, request: HttpRequest, queryset: QuerySet[RegistrySource]) -> None:
        self._queue(request, queryset, full=True)


class SyncRejectedRecordInline(admin.TabularInline):
    model = SyncRejectedRecord
    fields = ("record_id", "row_number", "code", "reason")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    classes = ("collapse",)

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _may_manage_sync(request)


class SyncRecordWarningInline(SyncRejectedRecordInline):
    model = SyncRecordWarning
    fields = ("record_id", "row_number", "code", "message")
    readonly_fields = fields


@admin.register(SyncRun)
class SyncRunAdmin(_SyncPermissionMixin, admin.ModelAdmin):
    list_display = ("pk", "source_label", "kind", "full", "started_at", "duration", "status_badge",
                    "received",
                    "created", "updated", "unchanged", "delisted", "relisted", "rejected", "warnings")
    list_display_links = ("pk", "source_label")
    list_filter = ("status", "kind", "full", "source", "started_at")
    search_fields = ("source_label", "error", "rejected_records__record_id")
    date_hierarchy = "started_at"
    inlines = (SyncRejectedRecordInline, SyncRecordWarningInline)
    readonly_fields = ("source", "source_label", "kind", "full", "status", "started_at", "finished_at",
                       "received", "created", "updated", "unchanged", "delisted", "relisted", "rejected",
                       "warnings", "status_applied", "batches", "cursor_before", "cursor_after", "error",
                       "error_is_temporary", "details")
    fieldsets = (
        (None, {"fields": ("source", "source_label", "kind", "full", "status", "started_at", "finished_at")}),
        ("Kết quả / counts", {"fields": ("received", "created", "updated", "unchanged", "delisted",
                                         "relisted",
                                         "rejected", "warnings", "status_applied", "batches")}),
        ("Chi tiết / details", {"fields": ("cursor_before", "cursor_after", "error", "error_is_temporary",
                                           "details")}),
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return request.user.is_superuser

    @admin.display(description="Trạng thái", ordering="status")
    def status_badge(self, run: SyncRun) -> str:
        return format_html('<strong style="color:{}">{}</strong>', _STATUS_COLOURS.get(run.status, "#000"),
                           run.get_status_display())

    @admin.display(description="Thời gian")
    def duration(self, run: SyncRun) -> str:
        seconds = run.duration_seconds
        return "-" if seconds is None else f"{seconds:.1f} s"

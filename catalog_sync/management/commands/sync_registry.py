"""python manage.py sync_registry --url URL --token TOKEN [--full]   (or --source NAME)

Syncs one registry through the same path as the periodic task; prints a progress bar, then a summary table.
Exits non-zero when the run failed (1) or another run of the source was in progress (3)."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError, CommandParser

from catalog_sync import services
from catalog_sync.management.commands._report import (
    ProgressBar,
    rejected_report,
    summary_table,
    warnings_report,
)
from catalog_sync.models import RegistrySource, SyncRunStatus


class Command(BaseCommand):
    help = "Đồng bộ sản phẩm OCOP từ sổ đăng ký của tỉnh (JSON API) / Sync from a provincial registry."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--url", help="base URL of the registry, e.g. http://127.0.0.1:8765")
        parser.add_argument("--token", default="", help="the registry token (Authorization: Token …)")
        parser.add_argument("--name",
                            help="name to keep this source (and its cursor) under; default: the host")
        parser.add_argument("--source", help="sync a source already configured (settings or admin) by name")
        parser.add_argument("--full", action="store_true", help="read everything, not only what changed")
        parser.add_argument("--page-size", type=int, default=None)
        parser.add_argument("--timeout", type=float, default=None, help="seconds per request")

    def handle(self, *args: object, **options: object) -> None:
        if int(options.get("verbosity", 1)) < 2:  # type: ignore[arg-type]
            # The bar and the table say it all; request and failure logs are for -v 2.
            logging.getLogger("httpx").setLevel(logging.WARNING)
            logging.getLogger("catalog_sync.services").setLevel(logging.ERROR)
        source = self._source(options)
        changed = []
        if options["page_size"]:
            source.page_size, changed = int(options["page_size"]), [*changed,
                                                                    "page_size"]  # type: ignore[arg-type]
        if options["timeout"]:
            source.timeout_seconds, changed = float(options["timeout"]), [*changed,
                                                                          "timeout_seconds"]  # type: ignore[arg-type]
        if changed:
            source.save(update_fields=changed)
        mode = "toàn bộ / full" if options["full"] else f"gia tăng từ / changes since {source.cursor or '-'}"
        self.stdout.write(f"Đồng bộ {source.name} ({source.url}), {mode}")
        bar = ProgressBar(self.stderr)
        run = services.registry_sync_run(source=source, full=bool(options["full"]), progress=bar)
        bar.finish()
        self.stdout.write(summary_table(run))
        if run.rejected:
            self.stdout.write(rejected_report(run, limit=20))
        if run.warnings:
            self.stdout.write(warnings_report(run, limit=20))
        if run.status == SyncRunStatus.SKIPPED:
            raise CommandError(run.error, returncode=3)
        if run.status != SyncRunStatus.SUCCEEDED:
            hint = " (tạm thời: sẽ thử lại / temporary)" if run.error_is_temporary else ""
            raise CommandError(f"{run.error}{hint}", returncode=1)

    def _source(self, options: dict) -> RegistrySource:
        if options.get("source"):
            source = RegistrySource.objects.filter(name=options["source"]).first()
            if source is None:
                services.registry_sources_from_settings_sync()
                source = RegistrySource.objects.filter(name=options["source"]).first()
            if source is None:
                raise CommandError(f"Không có nguồn nào tên {options['source']!r}.")
            return source
        url = options.get("url")
        if not url:
            raise CommandError("Cần --url (và --token) hoặc --source.")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise CommandError(f"URL không hợp lệ: {url}")
        name = options.get("name") or f"{parts.netloc}{parts.path.rstrip('/')}"
        return services.registry_source_ensure(name=name, url=url, token=options.get("token") or "")

"""python manage.py import_decision FILE.xlsx --decision-no NO --decision-date YYYY-MM-DD
       --issuer "UBND tỉnh …" --issuer-level province

Imports the Excel annex of a certification decision; prints a summary and a report of the rows it could not
read, by row number. Exits non-zero when the file itself cannot be read."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from catalog_sync import services
from catalog_sync.management.commands._report import (
    ProgressBar,
    rejected_report,
    summary_table,
    warnings_report,
)
from catalog_sync.mapping import DecisionInfo
from catalog_sync.mapping.common import Invalid, parse_date
from catalog_sync.models import SyncRunStatus
from marketplace.core.geography import province_resolve


class Command(BaseCommand):
    help = "Nhập phụ lục Excel của quyết định công nhận OCOP / Import a decision's Excel annex."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--decision-no", required=True)
        parser.add_argument("--decision-date", required=True, help="YYYY-MM-DD (or DD/MM/YYYY)")
        parser.add_argument("--issuer", required=True, help='e.g. "UBND tỉnh Hà Tĩnh"')
        parser.add_argument("--issuer-level", required=True, choices=("district", "province", "national"))
        parser.add_argument("--province", default="",
                            help="province of the decision when the issuer does not "
                                                           "name one (e.g. a ministry decision)")

    def handle(self, *args: object, **options: object) -> None:
        try:
            decision_date = parse_date(options["decision_date"], label="--decision-date")
        except Invalid as exc:
            raise CommandError(exc.reason) from exc
        province = province_resolve(str(options["province"])) if options["province"] else None
        if options["province"] and province is None:
            raise CommandError(f"Không biết tỉnh {options['province']!r}.")
        decision = DecisionInfo(number=str(options["decision_no"]).strip(), date=decision_date,
                                # type: ignore[arg-type]
                                issuer=str(options["issuer"]).strip(),
                                issuer_level=str(options["issuer_level"]),
                                province_code=province.code if province else "")
        bar = ProgressBar(self.stderr)
        run = services.annex_import(path=str(options["file"]), decision=decision, progress=bar)
        bar.finish()
        self.stdout.write(summary_table(run))
        self.stdout.write(rejected_report(run, limit=None))
        if run.warnings:
            self.stdout.write(warnings_report(run, limit=None))
        if run.status != SyncRunStatus.SUCCEEDED:
            raise CommandError(run.error, returncode=1)

"""`manage.py import_catalog FILE [--dry-run]`: add and update products from a CSV file, all or
nothing (catalog.spreadsheet). Exits 1 when any row is refused; nothing is saved then."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalog.spreadsheet import SpreadsheetError, import_csv


class Command(BaseCommand):
    help = "Import products from a CSV file (the export's columns, or some of them)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and show what would change; save nothing."
        )

    def handle(self, *args, file: Path, dry_run=False, **options):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from None
        try:
            result = import_csv(text, dry_run=dry_run)
        except SpreadsheetError as error:
            raise CommandError(str(error)) from None
        if result.errors:
            for error in result.errors:
                self.stderr.write(error)
            raise CommandError(f"{len(result.errors)} error(s): nothing was saved.", returncode=1)
        for change in result.changed:
            self.stdout.write(change.describe())
        verb = "would change" if dry_run else "changed"
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(result.changed)} of {len(result.changes)} product(s) {verb}"
                + (" (dry run: nothing saved)." if dry_run else ".")
            )
        )

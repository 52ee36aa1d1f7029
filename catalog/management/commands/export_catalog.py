"""`manage.py export_catalog > products.csv`: every product as a CSV row (catalog.spreadsheet)."""

from django.core.management.base import BaseCommand

from catalog.spreadsheet import export_csv


class Command(BaseCommand):
    help = "Write every product as CSV to standard output (columns: catalog/spreadsheet.py)."

    def handle(self, *args, **options):
        export_csv(self.stdout)

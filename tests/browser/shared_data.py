"""The demo data that the browser tests share in one process's test database.

Seeding the demo catalog takes seconds and nearly every browser test only reads it, so it is
seeded once and kept while the tests that follow want the same catalog. It is seeded again only
when a test changed it (pytest-django empties the database after a test marked
`django_db(transaction=True)`) or a module wants another number of generated products.
"""

from django.apps import apps
from django.core.management import call_command
from django.db import connection

# Rows that reading pages may add: a session, the content version's row (made on first use).
MADE_BY_READING = {"sessions.Session", "core.ContentVersion"}


class SharedDemoData:
    def __init__(self):
        self.extra = None  # None: nothing seeded; N: the demo data plus N generated products
        self.counts = {}

    def ensure(self, extra: int = 0) -> None:
        """Make the database hold the demo data plus `extra` generated products."""
        if self.extra == extra:
            return
        self.empty()
        call_command("seed_demo", verbosity=0)
        if extra:
            call_command("seed_demo", products=extra, verbosity=0)
        self.extra = extra
        self.counts = self.row_counts()

    def forget(self) -> None:
        """The database was emptied by someone else (pytest-django, after a transactional test)."""
        self.extra = None

    def empty(self) -> None:
        """Empty the database, as pytest-django does after a transactional test."""
        if self.extra is not None:
            call_command("flush", interactive=False, verbosity=0)
            self.extra = None

    @staticmethod
    def row_counts() -> dict[str, int]:
        """Rows in every table (many-to-many ones too), by model."""
        tables = set(connection.introspection.table_names())
        models = apps.get_models(include_auto_created=True)
        return {
            m._meta.label: m._base_manager.count() for m in models if m._meta.db_table in tables
        }

    def changed_tables(self) -> list[str]:
        """Models that gained or lost rows since the data was seeded (a test wrote to them)."""
        if self.extra is None:
            return []
        now = self.row_counts()
        return sorted(
            label
            for label, count in now.items()
            if count != self.counts.get(label) and label not in MADE_BY_READING
        )

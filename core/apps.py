from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """What every app shares, below them all: the content version and its signals, the
    age-gate pass and the view marker for JSON endpoints, the Curator role."""

    name = "core"
    verbose_name = "Safeword core"

    def ready(self):
        from core.content import connect_signals
        from core.curators import sync_curator_group

        # Not `sender=self`: post_migrate is sent once per app with models, and the handler
        # picks the content apps out of them (e.g. after a test database flush).
        post_migrate.connect(sync_curator_group, dispatch_uid="core.sync_curator_group")
        connect_signals()

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ShopConfig(AppConfig):
    name = "shop"
    verbose_name = "Safeword"

    def ready(self):
        from shop.curators import sync_curator_group
        from shop.page_cache import connect_signals

        # Not `sender=self`: Django sends post_migrate only for apps with models, and shop has
        # none, so the group would never be synced (e.g. after a test database flush).
        post_migrate.connect(sync_curator_group, dispatch_uid="shop.sync_curator_group")
        connect_signals()

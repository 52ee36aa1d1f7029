from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ShopConfig(AppConfig):
    name = "shop"
    verbose_name = "Safeword"

    def ready(self):
        from shop.curators import sync_curator_group

        post_migrate.connect(sync_curator_group, sender=self)

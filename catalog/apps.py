from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = "Catalog"

    def ready(self):
        import reversion

        from catalog.drafts import publish_due_description_drafts
        from catalog.models import Product
        from core.content import content_due

        # History of products (the admin's VersionAdmin may have registered it already).
        if not reversion.is_registered(Product):
            reversion.register(Product)
        # Scheduled description drafts go live when their time comes (core/content.py).
        content_due.connect(
            publish_due_description_drafts, dispatch_uid="catalog.publish_due_description_drafts"
        )

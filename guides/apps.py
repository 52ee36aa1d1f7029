from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "guides"
    verbose_name = "Guides"

    def ready(self):
        from core.content import content_due
        from guides.drafts import publish_due_drafts

        from . import lint_rules  # noqa: F401  (registers the guide-pick rule in catalog.lint)

        # Scheduled drafts go live when their time comes (core/content.py).
        content_due.connect(publish_due_drafts, dispatch_uid="guides.publish_due_drafts")

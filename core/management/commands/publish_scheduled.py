"""`manage.py publish_scheduled`: make every scheduled change that is due live now.

Pages already go live at their time without it (the first request after the due time does the
same, see core/content.py); running this from cron every minute also covers a shop that gets no
visitors, so e.g. the guide list and the sitemap are up to date when crawled.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from core.content import publish_due


class Command(BaseCommand):
    help = "Publish the scheduled drafts whose time has come (safe to run from cron)."

    def handle(self, *args, **options):
        now = timezone.now()
        version = publish_due(now, force=True)
        self.stdout.write(f"Published what was due by {now:%Y-%m-%d %H:%M %Z}; version {version}.")

from django.conf import settings
from django.db import models


class ContentVersion(models.Model):
    """One row: the number `core.content` bumps after every change of shop content. Kept in
    the database, which every process of every server reads, so they all agree at once."""

    version = models.BigIntegerField()
    # Moved by every change except stock-only ones (a stock sync's update of `stock` alone): what
    # is worked out from content but cannot depend on stock (the finder's and the catalog's
    # in-process indexes, guide text) is keyed by it and survives a stock sync.
    version_without_stock = models.BigIntegerField(default=0)
    # The earliest time something scheduled (a guide draft's `publish_at`) is due to go live,
    # or None. Read with the version, so every process notices at once when it is due.
    due_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="one_content_version")]

    def __str__(self):
        return f"content version {self.version}"


class ScheduledDraft(models.Model):
    """What every draft of shop content holds besides its words: when it is due to go live
    (`publish_at`; see `core.content.schedule`) and who saved it, when. Drafts of guides and of
    product descriptions are such drafts.

    Saving a draft changes nothing customers see: no new content version (core/content.py), so
    the page cache is kept. Publishing it saves the real content, which moves it."""

    shown_to_customers = False

    publish_at = models.DateTimeField(
        "publish at",
        null=True,
        blank=True,
        help_text="The draft goes live at this time; empty: when someone publishes it.",
    )
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

"""Signals the catalog sends. `content_changed` announces changes made without a model save
(bulk updates in admin actions, bulk inserts), so caches of catalog pages can be refreshed."""

from django.dispatch import Signal

content_changed = Signal()

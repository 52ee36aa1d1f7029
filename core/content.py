"""The content version: one number that changes whenever catalog or guide content changes.

Whatever is worked out from content and kept for later (whole pages in `shop.page_cache`, the
finder's index of the catalog, in the shared cache or in a process) is keyed by it, so a
change made anywhere is seen everywhere at once. It lives in the database (`ContentVersion`,
one row), which every worker of every server reads: nothing about freshness depends on a
process's memory or on the shared cache being up.

Every save or delete of a content model bumps it (signals, connected in
`core.apps.CoreConfig.ready`); a bulk change made without saving models (queryset updates,
bulk inserts, a stock sync's raw update) announces itself with `content_changed.send(...)`.

The bump runs when the change's transaction commits, as its own one-row UPDATE. Never stale:
a reader that sees the new number started reading after the bump, so after the commit, and
sees the new content; a reader that saw the old number keys what it made under the old number,
which nobody reads once the bump is in. Bumping inside the change's own transaction would
hold the row's lock until that commit and make concurrent writers (an import and a stock sync)
wait on each other, or deadlock. A request reads the number once (`request_started` forgets
it), so a page and the finder's index within one request agree on one version.

Two numbers move: `content_version()` with every change, `content_version_without_stock()`
with every change except stock-only ones (a queryset update of `stock` alone, or a save with
`update_fields=["stock"]`, as a stock sync makes them; `content_changed.send(..., stock_only=
True)` says so for other bulk changes). Whatever shows stock (whole pages) keys on the first;
what is worked out from content but checks stock for itself (the finder's index, the catalog's
facet index, the search vocabulary) keys on the second, so a stock sync that touches one product
a second does not throw it away every second. Both are read by the one query.

Scheduled changes (a guide draft to publish at 09:00) need no job runner: the row also holds
`due_at`, the earliest time anything scheduled is due, read by the same query as the number.
The first reader after that time (any process, any request) sends `content_due`, whose
receivers make their due content live, and moves the number in the same transaction, so
every page keyed by the old number (the page cache) is out of date exactly when the change is
due. `manage.py publish_scheduled` (for cron) does the same without waiting for a reader.
"""

import threading
import time
from contextlib import contextmanager
from functools import cache

from django.apps import apps
from django.core.signals import request_finished, request_started
from django.db import connection, transaction
from django.db.models import F, Q, Subquery, Value
from django.db.models.functions import Greatest
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from django.utils import timezone

from core.curators import CONTENT_APPS
from core.statements import prepared_rows, preparing

content_changed = Signal()
"""Sent after a bulk change of content that saved no model (so no post_save was sent)."""

content_due = Signal()
"""Sent by `publish_due(now)` with `now`: each receiver makes whatever it scheduled for `now` or
earlier live (saving models) and returns when its next scheduled change is due, or None."""

_request = threading.local()  # the number read during the current request, if any


def content_version() -> int:
    """The current content version (one query, at most once per request)."""
    return content_versions()[0]


def content_version_without_stock() -> int:
    """The version that stock-only changes leave alone (read by the same query)."""
    return content_versions()[1]


def content_versions() -> tuple[int, int]:
    """(`content_version()`, `content_version_without_stock()`) from the one query (at most
    once per request; outside a request, a caller needing both reads them together here)."""
    versions = getattr(_request, "versions", None)
    if versions is None:
        row = _read_row()
        if row is None:
            versions = _start()
        else:
            version, without_stock, due = row
            versions = (version, without_stock)
            if due:
                versions = publish_due_versions()
        if getattr(_request, "active", False):
            _request.versions = versions
    return versions


def versions_read() -> bool:
    """Whether this request has read the numbers already (a later read costs no query)."""
    return getattr(_request, "versions", None) is not None


VERSION_FIELDS = ("version", "version_without_stock", "due_at")


def version_columns() -> dict[str, Subquery]:
    """The row's columns as subqueries, named `content_<field>`, for a page's own query to read
    them with its rows: one round trip where a page read the row, then its own rows. Give their
    values to `take_versions`."""
    from core.models import ContentVersion

    row = ContentVersion.objects.filter(pk=1)
    return {f"content_{name}": Subquery(row.values(name)) for name in VERSION_FIELDS}


def take_versions(version, version_without_stock, due_at) -> bool:
    """This request's numbers are these, read by another query with `version_columns()`: what
    that statement read with them is of the same moment, as after `content_versions()` then
    a query of its own. Nothing is taken, and False says so, outside a request (nothing is
    kept then), without the row, and when something scheduled is due: its first reader
    publishes it (`content_versions()` does), so whatever was read with the numbers may be out
    of date and is read again."""
    if not getattr(_request, "active", False) or version is None:
        return False
    if due_at is not None and due_at <= timezone.now():
        return False
    _request.versions = (version, version_without_stock)
    return True


def _read_row():
    """(version, version without stock, whether something scheduled is due now), or None
    without the row. Every page reads it, so it is one plain statement: the ORM's compiling of
    the same query cost several times the query itself. The due time is compared in the
    database, with `now` as the ORM's own filter would pass it (SQLite keeps text). On
    PostgreSQL it is prepared (`core.statements`): each connection plans it once."""
    sql = _row_sql(connection.vendor)
    params = [connection.ops.adapt_datetimefield_value(timezone.now())]
    if preparing(connection):
        rows = prepared_rows(connection, sql, params)
        row = rows[0] if rows else None
    else:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
    return None if row is None else (row[0], row[1], bool(row[2]))


@cache
def _row_sql(vendor: str) -> str:
    """The row's query, written once per process (for the default connection's vendor)."""
    from core.models import ContentVersion

    meta, quote = ContentVersion._meta, connection.ops.quote_name
    columns = (meta.get_field(name).column for name in ("version", "version_without_stock"))
    due_at, pk = quote(meta.get_field("due_at").column), quote(meta.pk.column)
    return (
        f"SELECT {', '.join(quote(c) for c in columns)}, "
        f"CASE WHEN {due_at} IS NOT NULL AND {due_at} <= %s THEN 1 ELSE 0 END "
        f"FROM {quote(meta.db_table)} WHERE {pk} = 1"
    )


def _start() -> tuple[int, int]:
    """The row, made on first use (migrations make it; a flushed test database has none)."""
    from core.models import ContentVersion

    now = _clock()
    row, _ = ContentVersion.objects.get_or_create(
        pk=1, defaults={"version": now, "version_without_stock": now}
    )
    return row.version, row.version_without_stock


def _clock() -> int:
    """Numbers from the clock (nanoseconds) are never reused: not when the row is made again
    (an emptied test database) nor after a backup is restored, so whatever was kept under an
    old number (in Redis, in a process) is never mistaken for the content of a new one."""
    return time.time_ns()


def schedule(when) -> None:
    """Something goes live at `when`: make the row's due time no later than that. Call it after
    the scheduled change is committed (`transaction.on_commit`), so `publish_due` finds it."""
    from core.models import ContentVersion

    if ContentVersion.objects.filter(pk=1).count() == 0:
        _start()
    ContentVersion.objects.filter(pk=1).filter(Q(due_at__isnull=True) | Q(due_at__gt=when)).update(
        due_at=when
    )


def publish_due(now=None, *, force: bool = False) -> int:
    """`publish_due_versions`, returning the content version alone."""
    return publish_due_versions(now, force=force)[0]


def publish_due_versions(now=None, *, force: bool = False) -> tuple[int, int]:
    """Make everything scheduled for `now` (default: the present) or earlier live, move the
    numbers when anything was due, and return both. Safe to run from several processes
    at once: the row is locked, and a second caller finds nothing due any more. `force` asks
    the receivers even when the row says nothing is due (the cron command)."""
    from core.models import ContentVersion

    now = now or timezone.now()
    with transaction.atomic():
        if ContentVersion.objects.filter(pk=1).count() == 0:
            _start()
        row = ContentVersion.objects.select_for_update().filter(pk=1)
        due_at = row.values_list("due_at", flat=True).first()
        if force or (due_at is not None and due_at <= now):
            upcoming = [
                result for _, result in content_due.send(sender=None, now=now) if result is not None
            ]
            row.update(**_moved(stock_only=False), due_at=min(upcoming, default=None))
    # Read after the commit: the receivers' saves move the numbers again when they commit.
    _request.versions = None
    return ContentVersion.objects.filter(pk=1).values_list("version", "version_without_stock")[0]


def bump_content_version(signal=None, stock_only=False, update_fields=None, **kwargs) -> None:
    """Signal handler: new content, so everything kept by version is out of date. The numbers
    move when the change commits (at once outside a transaction). Inside `one_bump()` the
    bump waits for the block's end. A save of `stock` alone, or a bulk change sent with
    `stock_only=True`, leaves `content_version_without_stock()` alone."""
    if signal is post_save and update_fields is not None and set(update_fields) <= {"stock"}:
        stock_only = True
    batch = getattr(_request, "batch", None)
    if batch is not None:
        batch.append(stock_only)
        return
    transaction.on_commit(_bump_stock if stock_only else _bump)


@contextmanager
def one_bump():
    """Many saves, one new content version: for imports that save hundreds of products. The
    bump is registered once when the block ends (if anything changed), and so runs when the
    surrounding transaction commits, or never if it rolls back."""
    outer = getattr(_request, "batch", None)
    if outer is not None:  # nested: the outermost block bumps
        yield
        return
    _request.batch = []
    try:
        yield
    finally:
        changes, _request.batch = _request.batch, None
        if changes:
            transaction.on_commit(_bump_stock if all(changes) else _bump)


def _moved(stock_only: bool) -> dict:
    """The row's new numbers: past the old ones and the clock (see `_clock`)."""
    now = Value(_clock())
    moved = {"version": Greatest(F("version") + 1, now)}
    if not stock_only:
        moved["version_without_stock"] = Greatest(F("version_without_stock") + 1, now)
    return moved


def _bump(stock_only: bool = False) -> None:
    from core.models import ContentVersion

    if not ContentVersion.objects.filter(pk=1).update(**_moved(stock_only)):
        _start()
    _request.versions = None  # this request now reads the new numbers


def _bump_stock() -> None:
    _bump(stock_only=True)


def _request_started(**kwargs) -> None:
    _request.active, _request.versions = True, None


def _request_finished(**kwargs) -> None:
    _request.active, _request.versions = False, None


def connect_signals() -> None:
    request_started.connect(_request_started, dispatch_uid="content.request_started")
    request_finished.connect(_request_finished, dispatch_uid="content.request_finished")
    content_changed.connect(bump_content_version, dispatch_uid="content.content_changed")
    for label in CONTENT_APPS:
        try:
            app = apps.get_app_config(label)
        except LookupError:
            continue
        for model in app.get_models():
            if getattr(model, "shown_to_customers", True) is False:
                continue  # e.g. drafts: nothing a customer sees changes when they are saved
            uid = f"content.{model._meta.label}"
            post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}.save")
            post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}.del")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    bump_content_version,
                    sender=field.remote_field.through,
                    dispatch_uid=f"{uid}.{field.name}.m2m",
                )

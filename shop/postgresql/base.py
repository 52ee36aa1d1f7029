"""Django's PostgreSQL backend, with a health check that costs no round trip when the
connection has nothing to say.

`CONN_HEALTH_CHECKS` makes Django test a persistent connection before a request first uses
it, so a connection the server has dropped (a restart, a failover, `pg_terminate_backend`)
is replaced instead of failing the visitor's request (shop/resilience.py). Django's test is a
`SELECT 1`: one more round trip to the server on every request, as costly as a page's own
small query (the content version, a product's row) for the worker, the kernel and the server.

A connection between requests is idle: autocommit, no transaction, no query in flight, so
the server has sent nothing since the last answer was read. When the server ends it, it
sends its reason and closes the socket, and both wait there to be read. So the socket is
asked first, without waiting: nothing to read, the connection is as the last request left
it and usable; something to read (a goodbye, or anything else unexpected), or a connection
that is not idle, and Django's own `SELECT 1` decides, as before. A dead peer that sent
nothing (a cable cut) is found by neither test before the next query; the connect and
statement timeouts in settings bound that wait either way.
"""

import select

import psycopg
from django.db.backends.postgresql import base
from psycopg import pq


def has_something_to_read(fd: int) -> bool:
    """Is there data (or the end of the stream) waiting on this socket? Never waits."""
    if hasattr(select, "poll"):
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLERR | select.POLLHUP)
        return bool(poller.poll(0))
    readable, _, _ = select.select([fd], [], [], 0)
    return bool(readable)


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed:
            return False
        try:
            idle = connection.info.transaction_status == pq.TransactionStatus.IDLE
            if idle and not has_something_to_read(connection.fileno()):
                return True
        except psycopg.Error:  # already known to be lost
            return False
        return super().is_usable()

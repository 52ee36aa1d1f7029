"""gunicorn settings: `gunicorn shop.wsgi` reads this file from the project folder by itself.

Every value can be changed with an environment variable (docs/deploying.md); options given
on the command line win over this file.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers, each serving one request at a time: (2 x cores) + 1 is gunicorn's rule of thumb.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30

# The app writes one JSON line per request (shop/request_log.py). gunicorn's own access log is
# off unless GUNICORN_ACCESS_LOG names a file ("-" for stdout); its format logs the path
# WITHOUT the query string (%(U)s, never %(r)s) and no referrer, which would carry one too.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms rid=%({x-request-id}o)s'
errorlog = "-"
# Both logs go through the app's redaction (query strings, finder answers, dates).
logger_class = "shop.gunicorn_logging.PrivateLogger"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

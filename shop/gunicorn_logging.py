"""gunicorn's own logs through the app's redaction (`gunicorn.conf.py`: `logger_class`).

gunicorn writes its error log (worker timeouts, "Error handling request /path?query" with a
traceback when a worker is aborted mid-request) and its access log with handlers of its own,
outside Django's logging settings. This logger class puts `shop.log_privacy.PrivacyFilter` on
every one of those handlers, so query strings, finder answers and dates are redacted there
too, as in every line the app writes.
"""

from gunicorn.glogging import Logger

from shop.log_privacy import PrivacyFilter


class PrivateLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)  # (re)creates the handlers, also on a configuration reload
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                if not any(isinstance(f, PrivacyFilter) for f in handler.filters):
                    handler.addFilter(PrivacyFilter())

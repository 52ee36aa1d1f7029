#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    if not os.environ.get("DJANGO_SECRET_KEY"):
        # No secret key in the environment: a developer's machine (production always sets one,
        # and gunicorn, which starts from shop.wsgi, never gets this default). Without it every
        # plain `manage.py makemigrations` on a checkout would stop at the missing secret.
        os.environ.setdefault("DJANGO_DEBUG", "1")
    # Commands (migrate building an index, seed_demo's bulk inserts) may run longer than any
    # page should: no statement timeout for them unless one is set. Lock and connect timeouts
    # still apply, so a migration never queues the site's queries behind it for long.
    os.environ.setdefault("DJANGO_DB_STATEMENT_TIMEOUT", "0")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

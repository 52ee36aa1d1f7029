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
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

"""Change one product's stock every second, as a stock sync would, until killed: a queryset
update of `stock` alone (no model saved), which announces itself as stock-only. It moves
`content_version()` but not `content_version_without_stock()`: the finder's catalog index and
the search vocabulary are kept (the finder takes the products out of stock out at use), and
whole pages are kept unless the product went out of stock or came back (`catalog.stock`). Run
with the server's environment: `python bench/stock_churn.py [seconds between changes]`."""

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")

import django  # noqa: E402

django.setup()

from catalog.models import Product  # noqa: E402


def main() -> None:
    every = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    ids = list(Product.objects.values_list("pk", flat=True))
    changes = 0
    while True:
        Product.objects.filter(pk=random.choice(ids)).update(stock=random.randint(0, 40))
        changes += 1
        time.sleep(every)


if __name__ == "__main__":
    main()

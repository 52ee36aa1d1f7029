from django.conf import settings

from basket.basket import Basket
from core.once import Once


def basket(request):
    """`basket_count` for the header: items in this visitor's basket, worked out only when a
    template shows it. A visitor without a session cookie has an empty basket (and may be
    served a page from the shared page cache, which never holds a count)."""

    def basket_count() -> int:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return 0
        return Basket(request.session).count()

    return {"basket_count": Once(basket_count)}

"""The age gate's logic: the pass, the remembered refusal, ages and return addresses.

Pure functions, no views (the middleware is `shop.middleware`, the page `shop.views`).

A pass is a signed, timestamped cookie value that records only that the visitor passed, when
(the signature's timestamp) and the minimum age in force at the time. It never holds a birth
date. `has_pass` is the single place where "may this visitor see adult content?" is decided,
so an identity-verification provider can be plugged in here later.
"""

import calendar
import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

SALT = "shop.age_gate.pass"  # unchanged since the module moved: passes stay valid
REFUSAL_SALT = "shop.age_gate.refusal"
REFUSED = "refused"
# Nobody alive is older; a larger age is a typo in the year, not a customer.
OLDEST_PLAUSIBLE_AGE = 120


def today() -> datetime.date:
    """Today in the site's time zone. Tests freeze the date by replacing this function."""
    return timezone.localdate()


# --- ages -----------------------------------------------------------------------------------


def birthday_in(year: int, birth_date: datetime.date) -> datetime.date:
    """The day in `year` on which someone born on `birth_date` turns a year older.

    Someone born on 29 February has their birthday on 1 March in years that are not leap
    years (as UK law counts it): they are not a year older until 28 February has passed.
    """
    if (birth_date.month, birth_date.day) == (2, 29) and not calendar.isleap(year):
        return datetime.date(year, 3, 1)
    return birth_date.replace(year=year)


def age_on(day: datetime.date, birth_date: datetime.date) -> int:
    """Completed years of age on `day`."""
    age = day.year - birth_date.year
    if day < birthday_in(day.year, birth_date):
        age -= 1
    return age


def is_old_enough(birth_date: datetime.date) -> bool:
    return age_on(today(), birth_date) >= settings.AGE_GATE_MIN_AGE


# --- the pass ---------------------------------------------------------------------------------


def issue_pass() -> str:
    """A new pass for the minimum age in force now."""
    return signing.dumps({"passed": True, "min_age": settings.AGE_GATE_MIN_AGE}, salt=SALT)


def verify_pass(value: str | None) -> bool:
    """True for an untampered, unexpired pass issued for at least today's minimum age."""
    if not value:
        return False
    try:
        data = signing.loads(value, salt=SALT, max_age=settings.AGE_GATE_DAYS * 24 * 60 * 60)
    except signing.BadSignature:  # includes SignatureExpired and malformed values
        return False
    if not isinstance(data, dict) or data.get("passed") is not True:
        return False
    min_age = data.get("min_age")
    return isinstance(min_age, int) and min_age >= settings.AGE_GATE_MIN_AGE


def has_pass(request) -> bool:
    """May this visitor see the site? The one place to plug in a verification provider.
    Signed-in staff pass too: the shop checked who they are, and "View on site" from the admin
    takes them straight to the page (and its #section) rather than through the gate."""
    if verify_pass(request.COOKIES.get(settings.AGE_GATE_COOKIE)):
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.is_staff and user.is_active)


def set_pass_cookie(response) -> None:
    response.set_cookie(
        settings.AGE_GATE_COOKIE,
        issue_pass(),
        max_age=settings.AGE_GATE_DAYS * 24 * 60 * 60,
        httponly=True,
        secure=settings.AGE_GATE_COOKIE_SECURE,
        samesite="Lax",
    )


def clear_pass_cookie(response) -> None:
    response.delete_cookie(settings.AGE_GATE_COOKIE, samesite="Lax")


# --- the remembered refusal ----------------------------------------------------------------


def has_refusal(request) -> bool:
    """True when this browser session was refused and refusals are remembered."""
    if not settings.AGE_GATE_REMEMBER_REFUSAL:
        return False
    value = request.get_signed_cookie(
        settings.AGE_GATE_REFUSAL_COOKIE, default=None, salt=REFUSAL_SALT
    )
    return value == REFUSED


def set_refusal_cookie(response) -> None:
    """Remember a refusal until the browser is closed (no max_age: a session cookie)."""
    if not settings.AGE_GATE_REMEMBER_REFUSAL:
        return
    response.set_signed_cookie(
        settings.AGE_GATE_REFUSAL_COOKIE,
        REFUSED,
        salt=REFUSAL_SALT,
        httponly=True,
        secure=settings.AGE_GATE_COOKIE_SECURE,
        samesite="Lax",
    )


# --- where the visitor goes next -----------------------------------------------------------


def safe_next_url(request, url: str | None, fallback: str = "/") -> str:
    """`url` when it is a path on this site, otherwise `fallback` (the home page).

    Only a path (`/...`) is accepted, which is all the gate ever hands out: no scheme and no
    host, not even this site's own (the request's Host is the visitor's to choose). Django's
    `url_has_allowed_host_and_scheme`, with no host allowed, also refuses the disguised ones
    (`//host`, `/\\host`, `javascript:` and their encoded or padded variants).
    """
    if not url or not url.startswith("/"):
        return fallback
    parts = urlsplit(url)
    if (
        parts.scheme
        or parts.netloc
        or not url_has_allowed_host_and_scheme(url, allowed_hosts=set())
    ):
        return fallback
    return url


# --- marking views ---------------------------------------------------------------------------


def json_endpoint(view):
    """Mark a view as a JSON API: without a pass it answers 403 JSON even to a bare GET.

    Requests that send `Accept: application/json` or a JSON body are recognised anyway; this
    is for endpoints a client may call without saying so, e.g.
    `path("api/", json_endpoint(FinderApiView.as_view()))`.
    """
    view.age_gate_json = True
    return view

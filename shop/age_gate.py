"""The age-gate pass: issuing and verifying it. Pure logic, no views.

A pass is a signed, timestamped cookie value that records only that the visitor passed and
the minimum age in force at the time. It never holds a birth date. `has_pass` is the single
place where "may this visitor see adult content?" is decided, so an identity-verification
provider can be plugged in here later.
"""

from django.conf import settings
from django.core import signing

SALT = "shop.age_gate.pass"


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
    return verify_pass(request.COOKIES.get(settings.AGE_GATE_COOKIE))


def set_pass_cookie(response) -> None:
    response.set_cookie(
        settings.AGE_GATE_COOKIE,
        issue_pass(),
        max_age=settings.AGE_GATE_DAYS * 24 * 60 * 60,
        httponly=True,
        secure=settings.AGE_GATE_COOKIE_SECURE,
        samesite="Lax",
    )

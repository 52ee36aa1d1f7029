"""Staff sign-in limits beyond django-axes' own pause per (account, address).

django-axes pauses an account from one address after `AXES_FAILURE_LIMIT` failures, for an
hour. On its own that leaves two holes: one address trying a few passwords against many
accounts, and many addresses trying one account. This handler (`AXES_HANDLER`) adds:

- **per account, from any address**: after `SIGN_IN_ACCOUNT_FAILURE_LIMIT` failures;
- **per address, for any account**: after `SIGN_IN_ADDRESS_FAILURE_LIMIT` failures (higher,
  since one office or proxy may hold several staff);

each with a pause that grows: `SIGN_IN_FIRST_PAUSE` at the limit, doubled by every further
failure (attempts made during a pause count too), up to `SIGN_IN_LONGEST_PAUSE`, counted from
the last failure. Failures are those django-axes keeps (its `AccessAttempt` rows, in the
database, so every server counts the same; they expire an hour after their last attempt).

Failures are counted by the name typed, whether or not such an account exists, and the page
a paused visitor sees is the same either way: the limits say nothing about who has an account.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone

ACCOUNT, ADDRESS = "account", "address"


@dataclass(frozen=True)
class Pause:
    scope: str  # ACCOUNT or ADDRESS
    until: datetime

    @property
    def minutes(self) -> int:
        return max(1, math.ceil((self.until - timezone.now()).total_seconds() / 60))


def pause_length(failures: int, limit: int) -> timedelta | None:
    """No pause below the limit; then the first pause, doubled by each further failure."""
    if failures < limit:
        return None
    doublings = min(failures - limit, 30)  # far past the longest pause already
    return min(settings.SIGN_IN_FIRST_PAUSE * 2**doublings, settings.SIGN_IN_LONGEST_PAUSE)


def pause_for(scope: str, limit: int, **which) -> Pause | None:
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    counted = AccessAttempt.objects.filter(attempt_time__gte=since, **which).aggregate(
        failures=Sum("failures_since_start"), last=Max("attempt_time")
    )
    length = pause_length(counted["failures"] or 0, limit)
    if length is None:
        return None
    until = counted["last"] + length
    return Pause(scope, until) if until > timezone.now() else None


def wider_pause(request, credentials) -> Pause | None:
    """The longest pause in force for this account (from anywhere) or this address (for
    any account), or None."""
    username = get_client_username(request, credentials)
    address = getattr(request, "axes_ip_address", None)
    pauses = [
        username and pause_for(ACCOUNT, settings.SIGN_IN_ACCOUNT_FAILURE_LIMIT, username=username),
        address and pause_for(ADDRESS, settings.SIGN_IN_ADDRESS_FAILURE_LIMIT, ip_address=address),
    ]
    pauses = [pause for pause in pauses if pause]
    return max(pauses, key=lambda pause: pause.until) if pauses else None


class SignInLimitsHandler(AxesDatabaseHandler):
    def is_locked(self, request, credentials=None) -> bool:
        if super().is_locked(request, credentials):
            return True
        request.sign_in_pause = wider_pause(request, credentials)
        return request.sign_in_pause is not None

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is None or getattr(request, "axes_locked_out", False):
            return
        request.sign_in_pause = wider_pause(request, credentials)
        if request.sign_in_pause is not None:
            request.axes_locked_out = True
            request.axes_credentials = credentials

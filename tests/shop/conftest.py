import datetime

import pytest

from core import age_gate

TODAY = datetime.date(2026, 6, 15)


@pytest.fixture
def freeze_today(monkeypatch):
    """Freeze the age gate's "today" (TODAY unless the test calls the fixture with a date)."""

    def freeze(day: datetime.date = TODAY):
        monkeypatch.setattr(age_gate, "today", lambda: day)
        return day

    freeze()
    return freeze


def submit_birth_date(client, day, month, year, next_url="/", **extra):
    """Post a date of birth to the gate, as a visitor typing it would."""
    data = {"day": str(day), "month": str(month), "year": str(year), "next": next_url}
    return client.post("/age-check/", data, **extra)

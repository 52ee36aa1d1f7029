"""Reading settings from the environment: flags, lists and durations, with a clear message
for a value that cannot be read (shop/settings.py)."""

import os

from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_seconds(name: str, default: float) -> float:
    """A duration in seconds (decimals allowed); 0 where the variable allows it means off."""
    value = os.environ.get(name, "").strip()
    try:
        seconds = float(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number of seconds, like 5 or 0.5.") from None
    if seconds < 0:
        raise ImproperlyConfigured(f"{name} cannot be negative.")
    return seconds

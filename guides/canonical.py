"""The guide pages' query parameters in canonical form, for the whole-page cache's key
(`shop.page_cache`): equal pages share one entry, and a parameter or value the page does not
accept gets None (served, not cached), so nobody can grow the cache by varying the address.
Values are cleaned by the very form fields the pages validate them with; "both" and empty
values are written as left out, as the pages' own links leave them out."""

from django import forms
from django.core.exceptions import ValidationError

from guides.models import Audience

_slug = forms.SlugField(max_length=100)


def _single(query, name: str) -> str | None:
    values = query.getlist(name)
    if len(values) > 1:
        raise ValidationError("given more than once")
    return values[0] if values else None


def _level(value: str | None, allowed) -> list[tuple[str, str]]:
    if not value:
        return []
    if value not in allowed:
        raise ValidationError("no such level")
    return [] if value == Audience.BOTH else [("level", value)]


def guide_list_query(query) -> list[tuple[str, str]] | None:
    """`level` (beginner or experienced) and `category` (a slug; the page checks that the topic
    exists and answers 400 otherwise, and only 200 pages are stored)."""
    if set(query) - {"level", "category"}:
        return None
    try:
        pairs = _level(_single(query, "level"), (Audience.BEGINNER, Audience.EXPERIENCED))
        category = _single(query, "category")
        if category:
            pairs.append(("category", _slug.clean(category)))
    except ValidationError:
        return None
    return pairs


def guide_page_query(query) -> list[tuple[str, str]] | None:
    """A guide page's `level` switch: beginner or experienced; both is the page without it."""
    if set(query) - {"level"}:
        return None
    try:
        return _level(_single(query, "level"), Audience.values)
    except ValidationError:
        return None

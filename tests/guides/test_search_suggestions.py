"""Guides suggested by a search that found nothing (`guides.search`): kept in each worker per
content version without stock, so a repeated empty search reads no guide, while a change to a
guide shows at once and other words find their own guides."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.search_terms import plan
from guides import search
from tests.factories import GuideFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(settings, django_capture_on_commit_callbacks):
    """A worker's copies kept per version, as in production; `change` commits a change."""
    settings.KEEP_PER_VERSION = True
    search.forget()

    def change(action):
        with django_capture_on_commit_callbacks(execute=True):
            action()

    yield change
    search.forget()


def titles(text: str) -> list[str]:
    return [suggestion.name for suggestion in search.guide_suggestions(plan(text))]


def guide_queries(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if "guides_guide" in q["sql"]]


def test_a_repeated_search_reads_no_guide_and_a_change_shows_at_once(kept):
    kept(lambda: SectionFactory(guide__title="Knots", body="Rope and safety shears."))
    kept(lambda: GuideFactory(title="Aftercare"))
    assert titles("rope zzqx") == ["Knots"]
    with CaptureQueriesContext(connection) as queries:
        assert titles("rope zzqx") == ["Knots"]
    assert not guide_queries(queries)
    assert titles("zzqx") == ["Aftercare", "Knots"]  # nothing about it: the first guides
    kept(lambda: SectionFactory(guide__title="Bondage basics", body="Rope first."))
    assert titles("rope zzqx") == ["Bondage basics", "Knots"]


def test_kept_suggestions_match_those_read_afresh(kept, settings):
    kept(lambda: SectionFactory(guide__title="Knots", body="Rope and safety shears."))
    kept(lambda: SectionFactory(guide__title="Lube", body="Silicone or water based."))
    texts = ["rope", "silicone rope", "water", "zzqx", "shears lube", "rope"]
    found = [titles(text) for text in texts]
    settings.KEEP_PER_VERSION = False
    assert found == [titles(text) for text in texts]

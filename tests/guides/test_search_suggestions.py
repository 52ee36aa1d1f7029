"""Guides suggested by a search that found nothing (`guides.search`): kept in each worker per
content version without stock, so a repeated empty search reads no guide, while a change to a
guide shows at once and other words find their own guides."""

import random
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from catalog.search_terms import plan, words_of
from guides import search
from guides.models import Guide, Section
from tests.catalog.conftest import nothing_scheduled
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


def sql_titles(text: str) -> list[str]:
    """The suggestions as one query over the guides and their sections found them: the
    kept ones' oracle."""
    search_plan = plan(text)
    guides = Guide.objects.published().order_by("position", "title", "pk")
    condition = Q()
    for term in search.search_terms(search_plan):
        for name in ("title", "summary", "sections__heading", "sections__body"):
            condition |= Q(**{f"{name}__icontains": term})
    categories = set(search_plan.category_ids)
    if search_plan.related and search_plan.vocab:
        categories |= set(search_plan.categories_named(search_plan.related))
    if categories:
        condition |= Q(sections__category_id__in=categories)
    found = list(guides.filter(condition).distinct()[:3]) if condition else []
    return [guide.title for guide in found or guides[:3]]


@pytest.mark.parametrize("keep", [False, True])
def test_the_suggestions_are_those_one_query_over_the_guides_finds(settings, keep):
    call_command("seed_demo", stdout=StringIO())
    nothing_scheduled()
    settings.KEEP_PER_VERSION = keep
    search.forget()
    rng = random.Random(15)
    texts = Section.objects.values_list("heading", "body")
    words = sorted({word for row in texts for text in row for word in words_of(text)})
    words += ["zzqx", "blindfold", "lube", "cuffs", "restraints", "paddel"]
    queries = [" ".join(rng.sample(words, rng.randint(1, 3))) for _ in range(150)]
    different = {}
    for text in queries + queries[:30]:  # some twice: kept
        if titles(text) != sql_titles(text):
            different[text] = (titles(text), sql_titles(text))
    search.forget()
    assert not different


def test_past_the_bound_a_search_still_finds_the_guides_its_words_find(kept, monkeypatch):
    """Forgetting kept words to make room never loses the words the search itself asks."""
    monkeypatch.setattr(search, "MAX_KEPT", 2)
    kept(lambda: SectionFactory(guide__title="Knots", body="Rope and safety shears."))
    kept(lambda: SectionFactory(guide__title="Lube", body="Silicone or water based."))
    assert titles("rope water") == ["Knots", "Lube"]  # two words kept: the bound is reached
    assert titles("rope shears lube") == ["Knots", "Lube"]  # one known, two new
    assert titles("water") == ["Lube"]

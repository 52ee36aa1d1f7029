import re
from io import StringIO

import pytest
from django.core.management import call_command

from catalog.models import Product
from guides.demo import load_guides
from guides.demo_content import GUIDES
from guides.models import Callout, CalloutItem, Guide, Pick, Section
from guides.pages import guide_word_count

pytestmark = pytest.mark.django_db

ROUGH_PLAY = "consensual-rough-play"


@pytest.fixture
def seeded():
    call_command("seed_demo", stdout=StringIO())


def snapshot():
    return {
        "guides": list(
            Guide.objects.order_by("slug").values_list("slug", "title", "is_published", "position")
        ),
        "sections": list(
            Section.objects.order_by("guide__slug", "position").values_list(
                "guide__slug", "anchor", "position", "heading", "body", "category__slug"
            )
        ),
        "callouts": list(
            Callout.objects.order_by("section__anchor", "position").values_list(
                "section__anchor", "kind", "title", "position"
            )
        ),
        "items": CalloutItem.objects.count(),
        "picks": sorted(
            Pick.objects.values_list(
                "section__guide__slug", "section__anchor", "product__slug", "level", "position"
            )
        ),
    }


def test_seed_demo_loads_the_guides_idempotently(seeded):
    first = snapshot()
    assert [slug for slug, *_ in first["guides"]] == ["choosing-a-lubricant", ROUGH_PLAY]
    load_guides()
    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first


def test_a_reload_restores_edited_demo_content(seeded):
    section = Section.objects.get(guide__slug=ROUGH_PLAY, anchor="impact")
    section.picks.all().delete()
    section.heading = "Changed"
    section.save()
    load_guides()
    section.refresh_from_db()
    assert section.heading == "Impact toys"
    assert section.picks.count() == 6


def test_every_demo_pick_is_recommendable_carries_its_level_and_is_valid(seeded):
    picks = Pick.objects.select_related("product__category", "section__category")
    assert picks.exists()
    recommendable = set(Product.objects.recommendable().values_list("pk", flat=True))
    for pick in picks:
        assert pick.product_id in recommendable, pick
        assert pick.level in pick.product.levels, pick
        assert len(pick.reason) <= 160
        pick.full_clean()
    assert not Pick.objects.with_problems().exists()


def test_each_category_section_of_the_rough_play_guide_has_two_picks_per_level(seeded):
    sections = Section.objects.filter(guide__slug=ROUGH_PLAY, category__isnull=False)
    assert set(sections.values_list("category__slug", flat=True)) == {
        "impact",
        "restraints",
        "cock-rings",
        "lubricants",
        "vibrators",
    }
    for section in sections:
        for level in ["beginner", "experienced"]:
            assert section.picks.filter(level=level).count() >= 2, (section, level)


def test_beginner_restraint_picks_all_release_quickly(seeded):
    picks = Pick.objects.filter(level="beginner", product__category__slug="restraints")
    assert picks.exists()
    assert all(pick.product.quick_release for pick in picks)


def test_the_lubricant_guide_picks_lubricants_too(seeded):
    section = Section.objects.get(guide__slug="choosing-a-lubricant", category__slug="lubricants")
    assert section.picks.filter(level="beginner").count() >= 2
    assert section.picks.filter(level="experienced").count() >= 2


def test_the_rough_play_guide_is_long_enough_and_covers_every_topic_of_the_brief(seeded):
    guide = Guide.objects.prefetch_related("sections__callouts__items").get(slug=ROUGH_PLAY)
    assert guide_word_count(guide) >= 1500
    text = " ".join(
        [section.heading + " " + section.body for section in guide.sections.all()]
        + [
            f"{item.label} {item.text}"
            for section in guide.sections.all()
            for callout in section.callouts.all()
            for item in callout.items.all()
        ]
    ).lower()
    topics = [
        "subjective",
        "consent",
        "limits",
        "intensity",
        "safe word",
        "traffic-light",
        "green",
        "yellow",
        "red",
        "'no' and 'stop'",
        "start light",
        "check in",
        "short",
        "build gradually",
        "combine",
        "sudden silence",
        "tensing or freezing",
        "shallow breathing",
        "pulling away",
        "pain",
        "alcohol",
        "drugs",
        "aftercare",
        "water",
        "snacks",
        "holding",
        "reassurance",
        "talking it over later",
        "breath play",
        "choking",
        "safety shears",
        "quick release",
        "20 minutes",
        "degrades latex",
        "degrade silicone toys",
        "bullet",
    ]
    missing = [topic for topic in topics if topic not in text]
    assert missing == []
    kinds = set(Callout.objects.filter(section__guide=guide).values_list("kind", flat=True))
    assert {"traffic_light", "signs_to_stop", "aftercare"} <= kinds


def test_the_demo_text_is_markdown_without_raw_html():
    for guide in GUIDES:
        for section in guide["sections"]:
            assert not re.search(r"<[a-zA-Z/]", section["body"]), section["anchor"]


def test_demo_guide_page_renders_every_section_and_pick(client, seeded):
    guide = Guide.objects.get(slug=ROUGH_PLAY)
    html = client.get(guide.get_absolute_url()).content.decode()
    for section in guide.sections.all():
        assert f'id="{section.anchor}"' in html
    for pick in Pick.objects.filter(section__guide=guide).select_related("product"):
        assert pick.reason.replace("'", "&#x27;") in html

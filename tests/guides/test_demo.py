import re
import shutil
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from catalog.models import Product
from guides import demo
from guides.demo import load_guides, unwrap
from guides.models import Callout, CalloutItem, Guide, Pick, Section
from guides.pages import guide_word_count
from guides.rendering import render_markdown
from tests.factories import ProductFactory, kind_category

pytestmark = pytest.mark.django_db

ROUGH_PLAY = "consensual-rough-play"


@pytest.fixture
def seeded():
    call_command("seed_demo", stdout=StringIO())


def snapshot():
    return {
        "guides": list(
            Guide.objects.order_by("slug").values_list(
                "slug", "title", "level", "is_published", "position"
            )
        ),
        "sections": list(
            Section.objects.order_by("guide__slug", "position").values_list(
                "guide__slug", "anchor", "position", "heading", "body", "category__slug"
            )
        ),
        "callouts": list(
            Callout.objects.order_by("section__anchor", "position").values_list(
                "section__anchor", "kind", "title", "level", "position"
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
    assert [slug for slug, *_ in first["guides"]] == [
        "body-safe-materials",
        "choosing-a-lubricant",
        ROUGH_PLAY,
        "where-to-get-help",
    ]
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


def test_the_demo_text_is_markdown_without_raw_html(seeded):
    for section in Section.objects.all():
        assert not re.search(r"<[a-zA-Z/]", section.body), section.anchor


def test_demo_guide_page_renders_every_section_and_pick(client, seeded):
    guide = Guide.objects.get(slug=ROUGH_PLAY)
    html = client.get(guide.get_absolute_url()).content.decode()
    for section in guide.sections.all():
        assert f'id="{section.anchor}"' in html
    for pick in Pick.objects.filter(section__guide=guide).select_related("product"):
        assert pick.reason.replace("'", "&#x27;") in html


# --- the files: a manifest and a Markdown body per section --------------------------------------

MANIFEST = """
title = "A small guide"
author = "The Safeword editors"
level = "both"
position = 0
summary = "Two sections, to test the loader."

[[section]]
anchor = "start"
heading = "Start here"

[[section.callout]]
kind = "traffic_light"
title = "Colours"

[[section.callout.item]]
label = "Red"
text = "Stop at once."

[[section]]
anchor = "impact"
heading = "Impact toys"
category = "impact"

[[section.pick]]
product = "soft-paddle"
level = "beginner"
reason = "Gentle, and easy to control."
"""


@pytest.fixture
def guides_dir(tmp_path):
    """A folder holding one small guide, whose pick names a product made by a factory."""
    ProductFactory(slug="soft-paddle", category=kind_category("impact"))
    folder = tmp_path / "a-small-guide"
    folder.mkdir()
    (folder / "guide.toml").write_text(MANIFEST)
    (folder / "01-start.md").write_text(
        "Talk first, at a relaxed\nmoment.\n\n- **Yes:** things you are\n  keen on.\n- **No.**\n"
    )
    (folder / "02-impact.md").write_text("Start lighter than you think.\n")
    return tmp_path


def test_a_guide_folder_loads_as_a_published_guide(guides_dir):
    assert load_guides(guides_dir) == {"guides": 1, "sections": 2, "callouts": 1, "picks": 1}
    guide = Guide.objects.get(slug="a-small-guide")
    assert (guide.title, guide.is_published) == ("A small guide", True)
    start, impact = guide.sections.all()
    assert (start.anchor, start.heading, start.category) == ("start", "Start here", None)
    assert (
        start.body
        == "Talk first, at a relaxed moment.\n\n- **Yes:** things you are keen on.\n- **No.**"
    )
    assert [(i.label, i.text) for i in start.callouts.get().items.all()] == [
        ("Red", "Stop at once.")
    ]
    pick = impact.picks.get()
    assert (pick.product.slug, pick.level, pick.position) == ("soft-paddle", "beginner", 0)


def test_loading_a_guide_twice_changes_nothing(guides_dir):
    def rows():
        return [
            list(Guide.objects.values_list("pk", "updated_at")),
            list(Section.objects.values_list("pk", "body")),
            list(Callout.objects.values_list("pk")),
            list(CalloutItem.objects.values_list("pk")),
            list(Pick.objects.values_list("pk", "position")),
        ]

    load_guides(guides_dir)
    first = rows()
    load_guides(guides_dir)
    assert rows() == first


def edit(path, old, new):
    text = path.read_text()
    assert old in text, old  # the test breaks what it means to break
    path.write_text(text.replace(old, new, 1))


BROKEN = {
    "not TOML": ('title = "A small guide"', 'title = "A small guide', ["not valid TOML"]),
    "unknown product": (
        'product = "soft-paddle"',
        'product = "no-such-paddle"',
        ["section 2 [impact]", "no product 'no-such-paddle'"],
    ),
    "unknown category": (
        'category = "impact"',
        'category = "massage"',
        ["section 2 [impact]", "no category 'massage'"],
    ),
    "level the product lacks": (
        'level = "beginner"',
        'level = "experienced"',
        ["section 2 [impact]", "is not tagged for experienced people"],
    ),
    "a guide for nobody": (
        'level = "both"',
        'level = "experts"',
        ["guide [a-small-guide]", "level: Value 'experts' is not a valid choice"],
    ),
    "a callout for nobody": (
        'title = "Colours"',
        'title = "Colours"\nlevel = "experts"',
        ["section 1 [start]", "level: Value 'experts' is not a valid choice"],
    ),
    "traffic light that is no colour": (
        'label = "Red"',
        'label = "Blue"',
        ["section 1 [start]", "labelled Green, Yellow (or Amber) or Red"],
    ),
    "typo in a key": (
        'heading = "Start here"',
        'headline = "Start here"',
        ["section 1 [start]", "missing heading; unknown key headline"],
    ),
    "no body file": (
        'anchor = "start"',
        'anchor = "begin"',
        ["section 1 [begin]", "no body file 01-begin.md"],
    ),
    "position": ("position = 0", 'position = "first"', ["guide [a-small-guide]", "whole number"]),
}


@pytest.mark.parametrize("old, new, words", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_manifest_is_refused_naming_the_file_and_the_entry(guides_dir, old, new, words):
    manifest = guides_dir / "a-small-guide" / "guide.toml"
    edit(manifest, old, new)
    with pytest.raises(demo.DemoDataError) as caught:
        load_guides(guides_dir)
    message = str(caught.value)
    assert message.startswith(str(manifest))
    for word in words:
        assert word in message
    assert not Guide.objects.exists()


def test_a_body_file_no_section_names_is_refused(guides_dir):
    (guides_dir / "a-small-guide" / "03-old-section.md").write_text("Left over.\n")
    with pytest.raises(demo.DemoDataError, match="no section has 03-old-section.md"):
        load_guides(guides_dir)


def test_seed_demo_stops_naming_the_guide_and_the_pick_that_names_no_product(tmp_path, monkeypatch):
    folder = tmp_path / "demo_guides"
    shutil.copytree(demo.GUIDES_DIR, folder)
    manifest = folder / ROUGH_PLAY / "guide.toml"
    edit(manifest, 'product = "weighted-oak-paddle"', 'product = "weighted-oak-padle"')
    monkeypatch.setattr(demo, "GUIDES_DIR", folder)
    with pytest.raises(CommandError) as caught:
        call_command("seed_demo", stdout=StringIO())
    message = str(caught.value)
    assert str(manifest) in message
    assert "section 8 [impact]: no product 'weighted-oak-padle'" in message
    assert not Guide.objects.exists()


def test_unwrap_joins_the_lines_of_paragraphs_and_list_items_only():
    wrapped = (
        "A paragraph\nwrapped in two.\n\n"
        "- An item\n  wrapped.\n- Another.\n\n"
        "| a | b |\n| - | - |\n| 1 | 2 |\n\n"
        "> A quote\n> kept.\n\n"
        "A hard  \nbreak kept.\n\n"
        "```\ncode\nkept\n```\n"
    )
    assert unwrap(wrapped) == (
        "A paragraph wrapped in two.\n\n"
        "- An item wrapped.\n- Another.\n\n"
        "| a | b |\n| - | - |\n| 1 | 2 |\n\n"
        "> A quote\n> kept.\n\n"
        "A hard  \nbreak kept.\n\n"
        "```\ncode\nkept\n```"
    )


def same_text(html):
    return re.sub(r"\s+", " ", str(html))


def test_every_demo_body_reads_on_the_page_as_its_file_does():
    files = sorted(demo.GUIDES_DIR.glob("*/*.md"))
    assert len(files) == 37
    for path in files:
        markdown = path.read_text()
        assert same_text(render_markdown(unwrap(markdown))) == same_text(render_markdown(markdown))

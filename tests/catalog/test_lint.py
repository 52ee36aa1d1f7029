"""The catalog safety linter: each rule fires on the data it is about, and the demo is clean."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from catalog import lint
from tests.factories import (
    CategoryFactory,
    PickFactory,
    ProductFactory,
    SafetyNoteFactory,
    kind_category,
)

pytestmark = pytest.mark.django_db


def subjects(rule: str, severity=lint.PROBLEM) -> list[str]:
    return [f.subject for f in lint.run([rule]) if f.severity == severity]


def vibrator(**fields):
    defaults = {"category": kind_category("vibrators"), "vibrator_type": "egg"}
    return ProductFactory(**{**defaults, **fields})


def test_an_internal_toy_without_a_flared_base_is_flagged():
    vibrator(name="Velvet Remote Egg", placement="internal", flared_base=False)
    vibrator(name="Curve", placement="internal", flared_base=True)
    vibrator(name="Bullet", placement="external", flared_base=False)
    assert subjects("flared-base") == ["Velvet Remote Egg"]


def test_a_never_for_anal_use_note_answers_the_flared_base_rule():
    note = SafetyNoteFactory(text="Never for anal use: it has no flared base.")
    vibrator(name="Egg", placement="internal", flared_base=False, safety_notes=[note])
    assert subjects("flared-base") == []


@pytest.mark.parametrize(
    ("resistance", "text", "fires"),
    [
        ("waterproof", "Three settings, splash- and dunk-proof.", True),
        ("waterproof", "Not waterproof: wipe it clean.", True),
        ("waterproof", "Waterproof and USB rechargeable.", False),
        ("splash-proof", "It is splash-proof, not waterproof.", False),
        ("splash-proof", "Fully waterproof, take it in the bath.", True),
        ("none", "It is not waterproof, so wipe it.", False),
        ("none", "Splash-proof and quiet.", True),
    ],
)
def test_water_resistance_contradicting_the_description(resistance, text, fires):
    vibrator(name="Lipstick", placement="external", water_resistance=resistance, description=text)
    assert subjects("water-resistance") == (["Lipstick"] if fires else [])


def test_products_whose_only_notes_are_category_notes_that_do_not_apply():
    rigid_note = SafetyNoteFactory(text="Rigid ring: size carefully, it cannot come off fast.")
    rings = kind_category("cock-rings", safety_notes=[rigid_note])
    ProductFactory(category=rings, name="Soft Loop", ring_fit="soft", safety_notes=[])
    ProductFactory(category=rings, name="Steel Halo", ring_fit="rigid", safety_notes=[])
    own = SafetyNoteFactory(text="Stretch it gently.")
    ProductFactory(category=rings, name="Own Note Loop", ring_fit="soft", safety_notes=[own])
    assert subjects("notes-do-not-apply") == ["Soft Loop"]


def test_a_general_category_note_applies_to_everything():
    rings = kind_category("cock-rings", safety_notes=[SafetyNoteFactory(text="Never sleep in it.")])
    ProductFactory(category=rings, ring_fit="soft", safety_notes=[])
    assert subjects("notes-do-not-apply") == []


def test_guide_picks_out_of_stock_or_unpublished_are_flagged():
    PickFactory(product__name="Sold Out", product__stock=0)
    PickFactory(product__name="Draft", product__is_published=False)
    PickFactory(product__name="Fine")
    flagged = subjects("guide-picks")
    assert len(flagged) == 2
    assert any("Sold Out" in s for s in flagged) and any("Draft" in s for s in flagged)
    messages = " ".join(f.message for f in lint.run(["guide-picks"]))
    assert "out of stock" in messages and "not published" in messages


def test_a_guide_pick_without_a_picture_of_its_own_is_advice(monkeypatch):
    PickFactory(product__name="Plain")
    assert any("Plain" in s for s in subjects("guide-picks", lint.ADVICE))
    from guides import lint_rules

    monkeypatch.setattr(lint_rules, "_has_drawing", lambda kind: False)  # a missing drawing
    assert any("Plain" in s for s in subjects("guide-picks"))


def test_categories_without_an_intro_or_notes_are_flagged():
    CategoryFactory(name="Blindfolds", intro="", safety_notes=[])
    CategoryFactory(name="Candles")
    [finding] = lint.run(["category-intro-notes"])
    assert finding.subject == "Blindfolds"
    assert finding.message == "The category needs an intro and safety notes."


def test_the_command_exits_non_zero_on_a_problem_and_names_it(capsys):
    vibrator(name="Velvet Remote Egg", placement="internal", flared_base=False)
    with pytest.raises(CommandError) as error:
        call_command("lint_catalog")
    assert error.value.returncode == 1
    assert "Velvet Remote Egg" in capsys.readouterr().out


def test_the_demo_data_passes_the_linter(capsys):
    call_command("seed_demo", verbosity=0)
    call_command("lint_catalog")  # raises CommandError (exit 1) on any problem
    assert "0 problem(s)" in capsys.readouterr().out


def test_the_demo_as_it_was_would_have_been_caught():
    """The two contradictions the issue found: an egg without a flared base or a "never for
    anal use" note, and a splash-proof bullet stored as waterproof."""
    call_command("seed_demo", verbosity=0)
    from catalog.models import Product, SafetyNote

    egg = Product.objects.get(slug="remote-egg")
    egg.safety_notes.remove(SafetyNote.objects.get(text__startswith="Never for anal use"))
    Product.objects.filter(slug="lipstick-bullet").update(
        water_resistance="waterproof", description="Splash- and dunk-proof."
    )
    assert subjects("flared-base") == ["Remote Egg"]
    assert subjects("water-resistance") == ["Lipstick Bullet"]


def test_curators_read_the_linter_in_the_admin(curator_client):
    vibrator(name="Velvet Remote Egg", placement="internal", flared_base=False)
    changelist = curator_client.get("/admin/catalog/product/").content.decode()
    assert 'href="/admin/catalog/product/lint/"' in changelist
    page = curator_client.get("/admin/catalog/product/lint/").content.decode()
    assert "1 problem." in page and "Velvet Remote Egg" in page
    assert "Internal toys without a flared base (1)" in page


def test_the_linter_page_needs_staff(client, anon_client):
    assert anon_client.get("/admin/catalog/product/lint/").status_code == 302

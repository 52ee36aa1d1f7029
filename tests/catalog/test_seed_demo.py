import shutil
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from catalog import demo
from catalog.demo import DemoDataError, load_catalog
from catalog.models import Category, Material, Product, SafetyNote

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "categories": list(Category.objects.values_list("slug", "kind", "position")),
        "products": list(
            Product.objects.order_by("slug").values_list(
                "slug", "sku", "price", "stock", "is_published", "for_beginner", "for_experienced"
            )
        ),
        "materials": sorted(
            Product.materials.through.objects.values_list("product__slug", "material__slug")
        ),
        "product_notes": Product.safety_notes.through.objects.count(),
        "category_notes": Category.safety_notes.through.objects.count(),
        "notes": SafetyNote.objects.count(),
        "material_rows": Material.objects.count(),
    }


def seed(*args):
    call_command("seed_demo", *args, stdout=StringIO())


def test_seed_demo_loads_the_five_categories_and_enough_products():
    seed()
    slugs = set(Category.objects.values_list("slug", flat=True))
    assert slugs == {"impact", "restraints", "cock-rings", "lubricants", "vibrators"}
    assert Product.objects.count() >= 40
    for category in Category.objects.all():
        assert category.products.count() >= 8
        assert category.safety_notes.exists()


def test_seed_demo_is_idempotent():
    seed()
    first = snapshot()
    seed()
    assert snapshot() == first


def test_every_demo_product_is_valid():
    seed()
    for product in Product.objects.select_related("category"):
        product.full_clean()


def test_demo_data_covers_what_matters_to_safety():
    seed()
    products = Product.objects.all()
    assert products.filter(quick_release=True).exists()
    assert products.filter(quick_release=False).exists()
    assert {"soft", "adjustable", "rigid"} <= set(products.values_list("ring_fit", flat=True))
    assert {"water", "silicone", "oil", "hybrid"} <= set(
        products.values_list("lubricant_base", flat=True)
    )
    assert products.filter(intensity__lte=2).exists() and products.filter(intensity__gte=4).exists()
    assert products.filter(materials__contains_latex=True).exists()
    assert products.exclude(materials__contains_latex=True).exists()
    assert products.filter(is_published=False).count() >= 3
    assert products.filter(stock=0).count() >= 3


def test_seed_demo_products_adds_generated_products_deterministically():
    seed("--products", "300")
    assert Product.objects.filter(sku__startswith="GEN-").count() == 300
    first = list(
        Product.objects.filter(sku__startswith="GEN-")
        .order_by("sku")
        .values_list(
            "sku", "name", "price", "category__slug", "for_beginner", "quick_release", "ring_fit"
        )
    )
    seed("--products", "300")
    again = list(
        Product.objects.filter(sku__startswith="GEN-")
        .order_by("sku")
        .values_list(
            "sku", "name", "price", "category__slug", "for_beginner", "quick_release", "ring_fit"
        )
    )
    assert again == first
    seed("--products", "450")
    assert Product.objects.filter(sku__startswith="GEN-").count() == 450


def test_generated_products_are_valid_and_keep_the_beginner_rules():
    seed("--products", "200")
    for product in Product.objects.filter(sku__startswith="GEN-").select_related("category"):
        product.full_clean()


def test_negative_product_count_is_refused():
    with pytest.raises(CommandError):
        seed("--products", "-1")


# --- the data files ---------------------------------------------------------------------------


def stamps():
    """Every demo row's primary key and last-changed time."""
    return {
        model.__name__: sorted(model.objects.values_list("pk", *extra))
        for model, extra in [
            (Product, ["updated_at"]),
            (SafetyNote, ["updated_at"]),
            (Category, []),
            (Material, []),
        ]
    }


def test_a_second_seed_changes_nothing_not_even_a_timestamp():
    seed()
    first = stamps()
    seed()
    assert stamps() == first


def test_the_data_files_hold_the_whole_demo_catalog():
    counts = load_catalog()
    assert counts == {"notes": 43, "materials": 12, "categories": 5, "products": 54, "pages": 2}
    paddle = Product.objects.get(slug="feather-light-paddle")
    assert (paddle.sku, paddle.price, paddle.intensity, paddle.levels) == (
        "SW-IMP-001",
        Decimal("24.00"),
        1,
        ["beginner"],
    )
    assert paddle.description.startswith("A small, flexible silicone paddle, 28 cm long")
    assert "\n" not in paddle.description  # folded TOML lines make one line of text


@pytest.fixture
def data_dir(tmp_path):
    """A copy of the demo catalog's files, for a test to break."""
    folder = tmp_path / "demo_data"
    shutil.copytree(demo.DATA_DIR, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old  # the test breaks what it means to break
    path.write_text(text.replace(old, new, 1))


BROKEN = {
    "not TOML": ("notes.toml", 'severity = "caution"', 'severity = "caution', ["not valid TOML"]),
    "unknown note": (
        "products/impact.toml",
        'notes = ["impact-paddle-edge"]',
        'notes = ["no-such-note"]',
        ["product [feather-light-paddle]", "no safety note 'no-such-note'"],
    ),
    "unknown category note": (
        "categories.toml",
        '"impact-check-in"]',
        '"impact-chek-in"]',
        ["category [impact]", "no safety note 'impact-chek-in'"],
    ),
    "unknown material": (
        "products/impact.toml",
        'materials = ["silicone"]',
        'materials = ["unobtainium"]',
        ["product [feather-light-paddle]", "no material 'unobtainium'"],
    ),
    "typo in a key": (
        "products/impact.toml",
        "published = true",
        "publshed = true",
        ["product [feather-light-paddle]", "missing published; unknown key publshed"],
    ),
    "price": (
        "products/impact.toml",
        'price = "24.00"',
        'price = "about 24"',
        ["product [feather-light-paddle]", "price 'about 24' is not a number"],
    ),
    "severity": (
        "notes.toml",
        'severity = "caution"',
        'severity = "scary"',
        ["note [impact-start-light]", "severity: Value 'scary' is not a valid choice."],
    ),
    "intense toy for beginners": (
        "products/impact.toml",
        "intensity = 1,",
        "intensity = 4,",
        ["product [feather-light-paddle]", "Beginner impact toys must be gentle"],
    ),
    "restraint without quick release for beginners": (
        "products/restraints.toml",
        'restraint_type = "wrist", quick_release = true',
        'restraint_type = "wrist", quick_release = false',
        ["product [soft-cuff-set]", "only ever shown quick-release restraints"],
    ),
    "rigid ring for beginners": (
        "products/cock-rings.toml",
        'ring_fit = "soft"',
        'ring_fit = "rigid"',
        ["product [stretch-silicone-ring]", "Rigid rings are never for beginners"],
    ),
    "a sku twice": (
        "products/impact.toml",
        'sku = "SW-IMP-002"',
        'sku = "SW-IMP-001"',
        ["product [two-face-slapper]", "sku"],
    ),
    "attribute of another kind": (
        "products/impact.toml",
        'sensation = "thud" }',
        'sensation = "thud", ring_fit = "soft" }',
        ["product [feather-light-paddle]", "ring_fit: This does not apply to impact toys"],
    ),
}


@pytest.mark.parametrize("file, old, new, words", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_data_file_is_refused_naming_the_file_and_the_entry(
    data_dir, file, old, new, words
):
    edit(data_dir / file, old, new)
    with pytest.raises(DemoDataError) as caught:
        load_catalog(data_dir)
    message = str(caught.value)
    assert message.startswith(str(data_dir / file))
    for word in words:
        assert word in message


def test_a_product_without_any_safety_note_is_refused(data_dir):
    edit(data_dir / "categories.toml", 'notes = ["impact-start-light", ', "notes = [] # ")
    edit(data_dir / "products/impact.toml", 'notes = ["impact-paddle-edge"]', "notes = []")
    with pytest.raises(DemoDataError, match=r"\[feather-light-paddle\]: no safety note"):
        load_catalog(data_dir)


def test_products_of_a_category_the_catalog_does_not_have_are_refused(data_dir):
    (data_dir / "products" / "massage-oils.toml").write_text("")
    with pytest.raises(DemoDataError, match="no category in categories.toml for massage-oils"):
        load_catalog(data_dir)


def test_a_missing_products_file_is_refused(data_dir):
    (data_dir / "products" / "vibrators.toml").unlink()
    with pytest.raises(DemoDataError, match=r"vibrators\.toml: cannot read it"):
        load_catalog(data_dir)


def test_seed_demo_stops_with_a_clear_error_and_loads_nothing(data_dir, monkeypatch):
    edit(data_dir / "products/lubricants.toml", 'notes = ["', 'notes = ["no-such-note", "')
    monkeypatch.setattr(demo, "DATA_DIR", data_dir)
    with pytest.raises(CommandError) as caught:
        seed()
    message = str(caught.value)
    assert str(data_dir / "products" / "lubricants.toml") in message
    assert "no safety note 'no-such-note'" in message
    assert not Product.objects.exists() and not SafetyNote.objects.exists()

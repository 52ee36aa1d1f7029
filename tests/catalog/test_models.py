from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from catalog.attributes import CategoryKind
from catalog.beginner_rules import beginner_problem, beginner_safe
from catalog.models import Product
from tests.factories import CategoryFactory, MaterialFactory, ProductFactory, SafetyNoteFactory

pytestmark = pytest.mark.django_db


def refused_by_database(**changes):
    product = ProductFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Product.objects.filter(pk=product.pk).update(**changes)


def test_database_refuses_negative_price():
    refused_by_database(price=Decimal("-0.01"))


def test_database_refuses_negative_stock():
    product = ProductFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Product.objects.filter(pk=product.pk).update(stock=-1)


def test_database_refuses_a_product_without_an_experience_tag():
    refused_by_database(for_beginner=False, for_experienced=False)


@pytest.mark.parametrize("intensity", [0, 6])
def test_database_refuses_intensity_outside_1_to_5(intensity):
    refused_by_database(intensity=intensity)


@pytest.mark.parametrize(
    "field,value",
    [
        ("sensation", "burn"),
        ("ring_fit", "tight"),
        ("lubricant_base", "butter"),
        ("restraint_type", "rope-from-the-shed"),
        ("placement", "elsewhere"),
    ],
)
def test_database_refuses_unknown_attribute_values(field, value):
    refused_by_database(**{field: value})


@pytest.mark.parametrize("field", ["slug", "sku"])
def test_slugs_and_skus_are_unique(field):
    first = ProductFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ProductFactory(**{field: getattr(first, field)})


def test_a_complete_product_passes_validation():
    for kind in CategoryKind.values:
        product = ProductFactory(category__kind=kind, category__slug=f"kind-{kind}")
        product.full_clean()


def test_restraint_without_a_quick_release_answer_is_refused():
    product = ProductFactory.build(
        category=CategoryFactory(kind=CategoryKind.RESTRAINTS),
        quick_release=None,
        restraint_type="wrist",
    )
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert error.value.message_dict["quick_release"] == [
        "Restraints must say yes or no to quick release."
    ]


def test_product_with_no_experience_tag_is_refused():
    product = ProductFactory.build(
        category=CategoryFactory(), for_beginner=False, for_experienced=False
    )
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert (
        "Tag the product for beginners, experienced people, or both."
        in (error.value.message_dict["for_beginner"])
    )


@pytest.mark.parametrize(
    "kind,missing",
    [
        (CategoryKind.IMPACT, "intensity"),
        (CategoryKind.IMPACT, "sensation"),
        (CategoryKind.RESTRAINTS, "restraint_type"),
        (CategoryKind.COCK_RINGS, "ring_fit"),
        (CategoryKind.LUBRICANTS, "lubricant_base"),
        (CategoryKind.LUBRICANTS, "thickness"),
        (CategoryKind.VIBRATORS, "vibrator_type"),
        (CategoryKind.VIBRATORS, "placement"),
        (CategoryKind.VIBRATORS, "water_resistance"),
        (CategoryKind.VIBRATORS, "flared_base"),
    ],
)
def test_each_required_attribute_is_enforced(kind, missing):
    category = CategoryFactory(kind=kind, name="Things")
    product = ProductFactory.build(category=category)
    setattr(product, missing, None if missing in {"intensity", "flared_base"} else "")
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert missing in error.value.message_dict


def test_attributes_of_another_category_are_refused():
    category = CategoryFactory(kind=CategoryKind.LUBRICANTS, name="Lubricants")
    product = ProductFactory.build(category=category, quick_release=True)
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert error.value.message_dict["quick_release"] == [
        "This does not apply to lubricants; leave it empty."
    ]


@pytest.mark.parametrize(
    "kind,attrs,message",
    [
        (CategoryKind.RESTRAINTS, {"quick_release": False}, "quick-release"),
        (CategoryKind.COCK_RINGS, {"ring_fit": "rigid"}, "Rigid rings are never for beginners"),
        (CategoryKind.IMPACT, {"intensity": 4}, "Beginner impact toys must be gentle"),
    ],
)
def test_unsafe_products_cannot_be_tagged_for_beginners(kind, attrs, message):
    product = ProductFactory.build(category=CategoryFactory(kind=kind), for_beginner=True)
    for name, value in attrs.items():
        setattr(product, name, value)
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert message in " ".join(error.value.message_dict["for_beginner"])
    product.for_beginner, product.for_experienced = False, True
    product.full_clean()  # the same product is fine for experienced people


def test_safety_shears_need_no_quick_release_to_suit_beginners():
    product = ProductFactory.build(
        category=CategoryFactory(kind=CategoryKind.RESTRAINTS),
        restraint_type="safety-shears",
        quick_release=False,
        for_beginner=True,
    )
    product.full_clean()


@pytest.mark.parametrize("kind", CategoryKind.values)
def test_the_finder_rule_and_the_curator_check_agree(kind):
    """What the finder shows beginners is exactly what a curator may tag for beginners, but
    for safety shears (never picked by the finder; offered as an add-on)."""
    category = CategoryFactory(kind=kind, slug=f"agree-{kind}")
    variants = (
        [{"intensity": i} for i in range(1, 6)]
        if kind == CategoryKind.IMPACT
        else [
            {"quick_release": q, "restraint_type": t}
            for q in (True, False)
            for t in ("wrist", "safety-shears")
        ]
        if kind == CategoryKind.RESTRAINTS
        else [{"ring_fit": f} for f in ("soft", "adjustable", "rigid")]
        if kind == CategoryKind.COCK_RINGS
        else [{}]
    )
    for attrs in variants:
        product = ProductFactory(category=category, **attrs)
        shears = attrs.get("restraint_type") == "safety-shears"
        may_tag = beginner_problem(kind, product) is None
        assert beginner_safe(kind, product) == (
            may_tag and not (shears and not product.quick_release)
        ), attrs


def test_all_safety_notes_merge_category_and_product_notes_most_severe_first():
    info = SafetyNoteFactory(severity="info", text="Info note")
    warning = SafetyNoteFactory(severity="warning", text="Warning note")
    product = ProductFactory(category__safety_notes=[info], safety_notes=[warning, info])
    assert [note.text for note in product.all_safety_notes] == ["Warning note", "Info note"]


def test_recommendable_excludes_unpublished_out_of_stock_and_note_less_products():
    good = ProductFactory()
    ProductFactory(is_published=False)
    ProductFactory(stock=0)
    ProductFactory(category__safety_notes=[])
    with_own_note = ProductFactory(category__safety_notes=[], safety_notes=[SafetyNoteFactory()])
    assert set(Product.objects.recommendable()) == {good, with_own_note}


def test_contains_latex_follows_materials():
    latex = MaterialFactory(slug="latex", contains_latex=True)
    assert ProductFactory(materials=[latex]).contains_latex
    assert not ProductFactory(materials=[MaterialFactory()]).contains_latex


def test_attribute_rows_say_each_choice_as_its_display_does():
    from catalog.attributes import attributes_for

    checked = 0
    for kind in CategoryKind:
        category = CategoryFactory.build(kind=kind)
        for name in attributes_for(kind):
            field = Product._meta.get_field(name)
            if not field.choices or name == "intensity":
                continue
            for value, _label in field.flatchoices:
                product = Product(category=category, **{field.attname: value})
                rows = dict(product.attribute_rows)
                label = getattr(product, f"get_{name}_display")()
                assert rows[field.verbose_name.capitalize()] == label
                checked += 1
    assert checked > 10

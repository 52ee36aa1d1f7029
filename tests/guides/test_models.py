import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from guides.models import Pick
from tests.factories import (
    CalloutFactory,
    CalloutItemFactory,
    CategoryFactory,
    PickFactory,
    ProductFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def test_a_pick_at_a_level_the_product_does_not_carry_is_refused():
    section = SectionFactory(with_category=True)
    expert_only = ProductFactory(
        category=section.category, for_beginner=False, for_experienced=True, name="Oak Paddle"
    )
    pick = Pick(section=section, product=expert_only, level="beginner", reason="Looks nice.")
    with pytest.raises(ValidationError) as error:
        pick.full_clean()
    assert "level" in error.value.message_dict
    assert "not tagged for beginner" in error.value.message_dict["level"][0]

    pick.level = "experienced"
    pick.full_clean()  # the level it does carry is fine


def test_a_product_tagged_for_both_levels_may_be_picked_at_either():
    section = SectionFactory(with_category=True)
    both = ProductFactory(category=section.category, for_beginner=True, for_experienced=True)
    for level in ["beginner", "experienced"]:
        Pick(section=section, product=both, level=level, reason="Suits everyone.").full_clean()


def test_a_pick_must_come_from_the_sections_category():
    section = SectionFactory(category=CategoryFactory(name="Restraints", kind="restraints"))
    elsewhere = ProductFactory(category=CategoryFactory(name="Vibrators", kind="vibrators"))
    pick = Pick(section=section, product=elsewhere, level="beginner", reason="Wrong shelf.")
    with pytest.raises(ValidationError) as error:
        pick.full_clean()
    assert "this section is about Restraints" in error.value.message_dict["product"][0]


def test_a_section_without_a_category_holds_no_picks():
    section = SectionFactory(category=None)
    pick = Pick(section=section, product=ProductFactory(), level="beginner", reason="Hmm.")
    with pytest.raises(ValidationError) as error:
        pick.full_clean()
    assert "set the section's category first" in error.value.message_dict["product"][0]


def test_the_same_product_cannot_be_picked_twice_at_one_level_in_a_section():
    pick = PickFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Pick.objects.create(
            section=pick.section, product=pick.product, level=pick.level, reason="Again."
        )


def test_the_database_refuses_an_unknown_level_and_an_empty_reason():
    pick = PickFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Pick.objects.filter(pk=pick.pk).update(level="expert")
    with pytest.raises(IntegrityError), transaction.atomic():
        Pick.objects.filter(pk=pick.pk).update(reason="")


def test_deleting_a_picked_product_is_refused_so_the_guide_does_not_silently_change():
    pick = PickFactory()
    with pytest.raises(ProtectedError):
        pick.product.delete()
    assert Pick.objects.filter(pk=pick.pk).exists()


def test_section_anchors_are_unique_within_a_guide_only():
    section = SectionFactory(anchor="consent")
    SectionFactory(anchor="consent")  # another guide: fine
    with pytest.raises(IntegrityError), transaction.atomic():
        SectionFactory(guide=section.guide, anchor="consent")


def test_an_anchor_the_page_uses_itself_is_refused():
    section = SectionFactory.build(guide=SectionFactory().guide, anchor="contents")
    with pytest.raises(ValidationError) as error:
        section.full_clean()
    assert "anchor" in error.value.message_dict


def test_a_section_with_picks_cannot_change_or_lose_its_category():
    pick = PickFactory()
    section = pick.section
    section.full_clean()
    for category in [None, CategoryFactory()]:
        section.category = category
        with pytest.raises(ValidationError) as error:
            section.full_clean()
        assert "category" in error.value.message_dict


def test_traffic_light_items_name_a_colour():
    callout = CalloutFactory(kind="traffic_light")
    CalloutItemFactory.build(callout=callout, label="Amber").full_clean()
    with pytest.raises(ValidationError):
        CalloutItemFactory.build(callout=callout, label="Purple").full_clean()
    CalloutItemFactory.build(callout=CalloutFactory(kind="tip"), label="Purple").full_clean()


def test_shown_and_problem_picks_split_every_pick_and_agree_with_the_reasons():
    fine = PickFactory()
    unpublished = PickFactory(product__is_published=False)
    out_of_stock = PickFactory(product__stock=0)
    no_notes = PickFactory(section__category=CategoryFactory(safety_notes=[]))
    retagged = PickFactory()
    type(retagged.product).objects.filter(pk=retagged.product.pk).update(
        for_beginner=False, for_experienced=True
    )

    assert set(Pick.objects.shown()) == {fine}
    assert set(Pick.objects.with_problems()) == {unpublished, out_of_stock, no_notes, retagged}
    reasons = {pick.pk: pick.problems for pick in Pick.objects.select_related("product")}
    assert reasons[fine.pk] == []
    assert reasons[unpublished.pk] == ["the product is not published"]
    assert reasons[out_of_stock.pk] == ["the product is out of stock"]
    assert reasons[no_notes.pk] == ["the product has no safety notes"]
    assert reasons[retagged.pk] == ["the product is no longer tagged beginner"]


def test_a_section_links_to_its_anchor_in_the_guide():
    section = SectionFactory(guide__slug="rough-play", anchor="aftercare")
    assert section.get_absolute_url() == "/guides/rough-play/#aftercare"

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse

from guides.models import Guide, Pick
from tests.factories import (
    CalloutFactory,
    CalloutItemFactory,
    CategoryFactory,
    GuideFactory,
    PickFactory,
    ProductFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

GUIDE_MODELS = ["guide", "section", "callout", "pick"]


@pytest.fixture
def some_of_everything():
    pick = PickFactory()
    callout = CalloutFactory(section=pick.section)
    CalloutItemFactory(callout=callout)
    return {"guide": pick.section.guide, "section": pick.section, "callout": callout, "pick": pick}


@pytest.mark.parametrize("model", GUIDE_MODELS)
def test_curator_can_open_every_guides_admin_page(curator_client, some_of_everything, model):
    obj = some_of_everything[model]
    for url in [
        reverse(f"admin:guides_{model}_changelist"),
        reverse(f"admin:guides_{model}_add"),
        reverse(f"admin:guides_{model}_change", args=[obj.pk]),
        reverse(f"admin:guides_{model}_history", args=[obj.pk]),
        reverse(f"admin:guides_{model}_delete", args=[obj.pk]),
    ]:
        response = curator_client.get(url)
        assert response.status_code == 200, url


def test_curator_group_holds_every_guides_permission():
    codenames = set(
        Group.objects.get(name="Curator")
        .permissions.filter(content_type__app_label="guides")
        .values_list("codename", flat=True)
    )
    for model in GUIDE_MODELS + ["calloutitem"]:
        for action in ["add", "change", "delete", "view"]:
            assert f"{action}_{model}" in codenames


def test_curator_can_find_products_for_a_pick_by_autocomplete(curator_client):
    ProductFactory(name="Soft Cuff Set")
    response = curator_client.get(
        reverse("admin:autocomplete"),
        {"term": "cuff", "app_label": "guides", "model_name": "pick", "field_name": "product"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Soft Cuff Set"]


def section_form(section, picks):
    data = {
        "guide": section.guide_id,
        "position": section.position,
        "heading": section.heading,
        "anchor": section.anchor,
        "category": section.category_id,
        "body": section.body,
        "picks-TOTAL_FORMS": str(len(picks)),
        "picks-INITIAL_FORMS": "0",
        "picks-MIN_NUM_FORMS": "0",
        "picks-MAX_NUM_FORMS": "1000",
        "callouts-TOTAL_FORMS": "0",
        "callouts-INITIAL_FORMS": "0",
        "callouts-MIN_NUM_FORMS": "0",
        "callouts-MAX_NUM_FORMS": "1000",
    }
    for i, (product, level) in enumerate(picks):
        data.update(
            {
                f"picks-{i}-product": product.pk,
                f"picks-{i}-level": level,
                f"picks-{i}-reason": "A fine choice.",
                f"picks-{i}-position": str(i),
            }
        )
    return data


def test_admin_refuses_a_pick_at_a_level_the_product_does_not_carry(curator_client):
    section = SectionFactory(with_category=True)
    expert_only = ProductFactory(
        category=section.category, name="Oak Paddle", for_beginner=False, for_experienced=True
    )
    url = reverse("admin:guides_section_change", args=[section.pk])
    response = curator_client.post(url, section_form(section, [(expert_only, "beginner")]))
    assert response.status_code == 200  # the form again, with the error
    assert "is not tagged for beginner people" in response.content.decode()
    assert not Pick.objects.exists()

    response = curator_client.post(url, section_form(section, [(expert_only, "experienced")]))
    assert response.status_code == 302
    assert Pick.objects.get().level == "experienced"


def test_admin_refuses_picks_from_another_category_on_a_new_section(curator_client):
    guide = GuideFactory()
    restraints = CategoryFactory(name="Restraints", kind="restraints")
    bullet = ProductFactory(name="Pebble Bullet", category=CategoryFactory(name="Vibrators"))
    section = SectionFactory.build(guide=guide, category=restraints, anchor="restraints")
    response = curator_client.post(
        reverse("admin:guides_section_add"), section_form(section, [(bullet, "beginner")])
    )
    assert response.status_code == 200
    assert "but this section is about Restraints" in response.content.decode()
    assert not guide.sections.exists()


def test_saving_a_section_updates_the_guides_last_updated_date(curator_client):
    section = SectionFactory(with_category=True)
    Guide.objects.filter(pk=section.guide_id).update(updated_at="2020-01-01T00:00:00Z")
    url = reverse("admin:guides_section_change", args=[section.pk])
    assert curator_client.post(url, section_form(section, [])).status_code == 302
    section.guide.refresh_from_db()
    assert section.guide.updated_at.year > 2020


def test_guide_change_page_warns_about_picks_customers_cannot_see(curator_client):
    guide = GuideFactory()
    section = SectionFactory(guide=guide, category=CategoryFactory(name="Restraints"))
    PickFactory(section=section, product__name="Fine Cuffs")
    PickFactory(section=section, product__name="Draft Cuffs", product__is_published=False)
    PickFactory(section=section, product__name="Sold Out Cuffs", product__stock=0)
    noteless = SectionFactory(guide=guide, category=CategoryFactory(safety_notes=[]))
    PickFactory(section=noteless, product__name="Noteless Ring")

    response = curator_client.get(reverse("admin:guides_guide_change", args=[guide.pk]))
    assert response.status_code == 200
    warnings = [str(m) for m in get_messages(response.wsgi_request)]
    assert len(warnings) == 3
    text = " ".join(warnings)
    assert "Draft Cuffs" in text and "the product is not published" in text
    assert "Sold Out Cuffs" in text and "the product is out of stock" in text
    assert "Noteless Ring" in text and "the product has no safety notes" in text
    assert "Fine Cuffs" not in text
    html = response.content.decode()
    assert "the product is out of stock" in html  # shown on the page, not only as messages


def test_guide_without_problem_picks_has_no_warnings(curator_client):
    pick = PickFactory()
    response = curator_client.get(
        reverse("admin:guides_guide_change", args=[pick.section.guide_id])
    )
    assert list(get_messages(response.wsgi_request)) == []
    assert "Every pick is published, in stock, has safety notes" in response.content.decode()


def test_guide_list_filter_finds_guides_with_problem_picks(curator_client):
    PickFactory(section__guide__title="Healthy guide")
    PickFactory(section__guide__title="Troubled guide", product__stock=0)
    url = reverse("admin:guides_guide_changelist")
    problems = curator_client.get(url, {"picks": "problems"}).content.decode()
    assert "Troubled guide" in problems and "Healthy guide" not in problems
    ok = curator_client.get(url, {"picks": "ok"}).content.decode()
    assert "Healthy guide" in ok and "Troubled guide" not in ok


def test_pick_list_filter_finds_hidden_picks(curator_client):
    PickFactory(product__name="Shown Paddle")
    PickFactory(product__name="Hidden Paddle", product__is_published=False)
    html = curator_client.get(
        reverse("admin:guides_pick_changelist"), {"shown": "no"}
    ).content.decode()
    assert "Hidden Paddle" in html and "Shown Paddle" not in html


def test_deleting_a_picked_product_in_the_admin_names_the_pick(curator_client):
    pick = PickFactory(product__name="Picked Paddle")
    response = curator_client.get(reverse("admin:catalog_product_delete", args=[pick.product.pk]))
    html = response.content.decode()
    assert "would require deleting the following protected related objects" in html
    assert "Picked Paddle (beginner pick)" in html


def test_curators_say_who_a_guide_and_a_callout_are_for(curator_client):
    guide = GuideFactory(level="both")
    callout = CalloutFactory(section=SectionFactory(guide=guide), level="both")
    page = curator_client.get(reverse("admin:guides_guide_change", args=[guide.pk]))
    assert 'name="level"' in page.content.decode()
    listing = curator_client.get(reverse("admin:guides_guide_changelist"), {"level": "both"})
    assert guide.title in listing.content.decode()
    url = reverse("admin:guides_callout_change", args=[callout.pk])
    form = curator_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in ("section", "kind", "title", "position")}
    data.update(
        {
            "level": "experienced",
            "items-TOTAL_FORMS": 0,
            "items-INITIAL_FORMS": 0,
            "items-MIN_NUM_FORMS": 0,
            "items-MAX_NUM_FORMS": 1000,
        }
    )
    response = curator_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    callout.refresh_from_db()
    assert callout.level == "experienced"

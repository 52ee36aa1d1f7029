"""The curator tool: combinations of answers that leave a category with fewer than two picks."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from catalog.finder.coverage import coverage, gaps
from tests.factories import MaterialFactory, ProductFactory, UserFactory, kind_category

pytestmark = pytest.mark.django_db
URL = "/admin/catalog/product/finder-gaps/"


@pytest.fixture
def thin_catalog():
    restraints = kind_category("restraints")
    lubes = kind_category("lubricants")
    # Restraints: two for everyone, one of them latex-lined.
    ProductFactory(category=restraints, name="Clip Cuffs", for_experienced=True)
    ProductFactory(
        category=restraints,
        name="Latex Cuffs",
        for_experienced=True,
        materials=[MaterialFactory(latex=True)],
    )
    # Lubes: water and silicone, both levels.
    ProductFactory(category=lubes, name="Water Glide", for_experienced=True)
    ProductFactory(
        category=lubes, name="Silk Serum", lubricant_base="silicone", for_experienced=True
    )
    # Safety shears are an add-on, never counted as a restraint pick.
    ProductFactory(category=restraints, name="Shears", restraint_type="safety-shears")
    return restraints, lubes


def test_every_combination_is_counted(thin_catalog):
    rows = coverage()
    assert len(rows) == 2 * 2 * 2 * 2 * 2  # categories x levels x three yes/no answers
    restraints, lubes = thin_catalog
    counts = {
        (r.category.slug, r.level, r.latex_allergy, r.owns_silicone_toys, r.uses_latex_condoms): (
            r.count
        )
        for r in rows
    }
    assert counts[("restraints", "beginner", False, False, False)] == 2
    assert counts[("restraints", "beginner", True, False, False)] == 1
    assert counts[("lubricants", "experienced", False, True, False)] == 1
    assert counts[("lubricants", "experienced", False, False, True)] == 2


def test_gaps_are_the_combinations_with_fewer_than_two_safe_products(thin_catalog):
    found = {
        (g.category.slug, g.latex_allergy, g.owns_silicone_toys, g.uses_latex_condoms)
        for g in gaps()
    }
    # Latex allergy thins the restraints, silicone toys thin the lubes, at both levels.
    assert found == {
        ("restraints", True, False, False),
        ("restraints", True, True, False),
        ("restraints", True, False, True),
        ("restraints", True, True, True),
        ("lubricants", False, True, False),
        ("lubricants", True, True, False),
        ("lubricants", False, True, True),
        ("lubricants", True, True, True),
    }
    assert len(gaps()) == 16


def test_a_gap_s_answers_really_return_fewer_than_two_picks(thin_catalog):
    from catalog.finder import recommend

    for gap in gaps():
        assert len(recommend(gap.answers).picks[gap.category.slug]) == gap.count < 2


def test_the_whole_report_takes_three_queries_however_many_categories(
    thin_catalog, django_assert_num_queries
):
    """The three that build the finder's index (none when it is cached: test_index.py)."""
    for kind in ("impact", "cock-rings", "vibrators"):
        ProductFactory(category=kind_category(kind))
    with django_assert_num_queries(3):
        assert len(coverage()) == 5 * 16


def test_curators_see_the_gaps_linked_from_the_product_list(curator_client, thin_catalog):
    changelist = curator_client.get(reverse("admin:catalog_product_changelist"))
    assert f'href="{URL}"' in changelist.content.decode()
    response = curator_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "16 gaps." in page
    assert "Finder gaps" in page
    restraints, _ = thin_catalog
    assert f"?category__id__exact={restraints.pk}" in page


def test_no_gaps_says_so(curator_client):
    category = kind_category("vibrators")
    for n in range(2):
        ProductFactory(category=category, for_experienced=True, name=f"Bullet {n}")
    page = curator_client.get(URL).content.decode()
    assert "No gaps:" in page


def test_the_gap_report_needs_staff_with_catalog_view_permission(client, anon_client):
    assert anon_client.get(URL).status_code == 302  # to the admin login
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert client.get(URL).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="view_product"))
    assert client.get(URL).status_code == 200

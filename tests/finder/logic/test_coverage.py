"""The curator tool: combinations of answers that leave a category with fewer than two picks."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from finder.gap_causes import group_gaps
from finder.logic.coverage import coverage, gaps
from tests.factories import MaterialFactory, ProductFactory, UserFactory, kind_category

pytestmark = pytest.mark.django_db
URL = "/admin/finder/findergap/"


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
    from finder.logic import recommend

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


def test_curators_find_the_gaps_on_the_admin_home_page(curator_client, thin_catalog):
    index = curator_client.get(reverse("admin:index"))
    assert f'href="{URL}"' in index.content.decode()
    response = curator_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<strong>16 gaps</strong> from <strong>2 causes.</strong>" in page
    assert "Finder gaps" in page
    restraints, _ = thin_catalog
    assert f"?category__id__exact={restraints.pk}" in page


def test_no_gaps_says_so(curator_client):
    category = kind_category("vibrators")
    for n in range(2):
        ProductFactory(category=category, for_experienced=True, name=f"Bullet {n}")
    page = curator_client.get(URL).content.decode()
    assert "No gaps:" in page


def test_the_gap_report_needs_staff_with_its_view_permission(client, anon_client):
    assert anon_client.get(URL).status_code == 302  # to the admin login
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert client.get(URL).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="view_findergap"))
    assert client.get(URL).status_code == 200


def test_the_report_groups_gaps_by_cause(thin_catalog):
    groups = {(g.category.slug, g.cause): len(g.rows) for g in group_gaps(coverage())}
    assert groups == {
        ("restraints", "Too few products safe for a latex allergy"): 8,
        ("lubricants", "Too few products safe for owning silicone toys"): 8,
    }


def test_a_level_with_too_few_products_is_one_cause_not_eight_rows(thin_catalog):
    restraints, _ = thin_catalog
    restraints.products.update(for_beginner=False, for_experienced=True)  # none for beginners
    groups = {(g.category.slug, g.cause): len(g.rows) for g in group_gaps(coverage())}
    cause = "Too few products tagged for beginner people, whatever the answers"
    assert groups[("restraints", cause)] == 8  # every beginner combination, one cause
    assert groups[("restraints", "Too few products safe for a latex allergy")] == 4  # experienced


def test_a_new_empty_category_is_one_hidden_row_not_sixteen_gaps(curator_client, thin_catalog):
    kind_category("general", name="Blindfolds", slug="blindfolds")
    drafts = kind_category("vibrators", name="Vibes", slug="vibes", is_published=False)
    ProductFactory(category=drafts)
    assert len(gaps()) == 16  # the thin catalog's own, nothing for the hidden categories
    page = curator_client.get(URL).content.decode()
    assert "Categories customers do not see" in page
    assert page.count("No published, in-stock product with a safety note") == 1
    assert page.count("Not published") == 1
    assert "<strong>16 gaps</strong>" in page

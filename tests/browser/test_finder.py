from playwright.sync_api import expect

from catalog.models import Product


def picked_names(page, category_name):
    region = page.get_by_role("region", name=category_name, exact=True)
    return region.locator("article h3 a").all_inner_texts()


def test_a_beginner_with_silicone_toys_gets_only_quick_release_restraints_and_no_silicone_lube(
    page, demo_data
):
    page.goto("/")
    page.get_by_role("link", name="Find your starter kit").click()

    expect(page.get_by_text("Step 1 of 4")).to_be_visible()
    page.get_by_label("I'm new to this").check()
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_text("Step 2 of 4")).to_be_visible()
    page.get_by_label("Restraints").check()
    page.get_by_label("Lubricants").check()
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_text("Step 3 of 4")).to_be_visible()
    expect(page.get_by_role("group", name="Restraints: which kind?")).to_be_visible()
    expect(page.get_by_role("group", name="Impact: how intense?")).to_have_count(0)
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_text("Step 4 of 4")).to_be_visible()
    page.get_by_label("I own silicone toys").check()
    page.get_by_role("button", name="Show my results").click()

    expect(page.get_by_role("heading", name="Your starter picks")).to_be_visible()
    assert page.url.endswith("/finder/")  # the answers went in the POST body, not the URL

    restraints = picked_names(page, "Restraints")
    assert restraints
    assert all(Product.objects.get(name=name).quick_release is True for name in restraints), (
        restraints
    )
    lubes = picked_names(page, "Lubricants")
    assert lubes
    assert all(
        Product.objects.get(name=name).lubricant_base not in ("silicone", "hybrid")
        for name in lubes
    ), lubes

    region = page.get_by_role("region", name="Restraints", exact=True)
    expect(
        region.get_by_text("Quick release: it opens in seconds if anyone needs out").first
    ).to_be_visible()
    expect(
        region.get_by_text(
            "Non-quick-release restraints hidden: beginners are only shown quick-release "
            "restraints."
        )
    ).to_be_visible()
    region = page.get_by_role("region", name="Lubricants", exact=True)
    expect(region.get_by_text("Water-based: safe with your silicone toys").first).to_be_visible()
    expect(
        region.get_by_text("Silicone and hybrid lubes hidden: they can damage your silicone toys.")
    ).to_be_visible()
    expect(page.get_by_role("region", name="Safety add-ons")).to_contain_text("Safety Shears")

    page.get_by_role("link", name="Start again").click()
    expect(page.get_by_text("Step 1 of 4")).to_be_visible()

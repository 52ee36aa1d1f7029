"""Journey: a curator (not a superuser) imports a spreadsheet of products in the admin.

The first file has one unsafe row (a rigid ring tagged for beginners): the import is refused
with that row's number and nothing is saved, not even the safe row. The curator fixes the row,
checks with a dry run, and imports. Also: the product form shows only the chosen category's
attributes, and the admin's inlines fit a 1,280 px window.
"""

import re

import pytest
from playwright.sync_api import expect

from catalog.models import Product
from guides.models import Section
from tests.browser.test_curator import log_in, messages
from tests.factories import CuratorFactory

UNSAFE = "slug,stock,levels\nstretch-silicone-ring,31,beginner\nsteel-halo-ring,11,beginner\n"
FIXED = UNSAFE.replace("steel-halo-ring,11,beginner", "steel-halo-ring,11,experienced")


@pytest.mark.django_db(transaction=True)  # the import changes two products
def test_a_curator_imports_a_csv_refused_for_one_unsafe_row_then_fixed(
    new_context, demo_data, tmp_path
):
    CuratorFactory(username="sam")
    admin = new_context(passed=False, viewport={"width": 1280, "height": 900}).new_page()
    log_in(admin, "sam", "correct horse battery")
    admin.get_by_role("link", name="Products", exact=True).first.click()
    admin.get_by_role("link", name="Import CSV").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Import products")

    unsafe = tmp_path / "stock.csv"
    unsafe.write_text(UNSAFE)
    admin.get_by_label("CSV file:").set_input_files(str(unsafe))
    admin.get_by_label(re.compile("Dry run")).uncheck()
    admin.get_by_role("button", name="Check and import").click()
    errors = admin.locator("#import-errors")
    expect(errors).to_contain_text("1 error: nothing was saved.")
    expect(errors.get_by_role("listitem")).to_have_text(re.compile(r"^Row 3, levels: Rigid rings"))
    assert dict(
        Product.objects.filter(slug__in=["stretch-silicone-ring", "steel-halo-ring"]).values_list(
            "slug", "stock"
        )
    ) == {"stretch-silicone-ring": 30, "steel-halo-ring": 10}  # not even the safe row

    fixed = tmp_path / "stock-fixed.csv"
    fixed.write_text(FIXED)
    admin.get_by_label("CSV file:").set_input_files(str(fixed))
    admin.get_by_label(re.compile("Dry run")).check()
    admin.get_by_role("button", name="Check and import").click()
    preview = admin.locator("#import-preview")
    expect(preview).to_contain_text("2 of 2 products would change.")
    expect(preview).to_contain_text("stock: '10' → '11'")
    assert Product.objects.get(slug="steel-halo-ring").stock == 10

    admin.get_by_label("CSV file:").set_input_files(str(fixed))
    admin.get_by_label(re.compile("Dry run")).uncheck()
    admin.get_by_role("button", name="Check and import").click()
    expect(messages(admin)).to_contain_text("Imported: 2 of 2 product(s) changed.")
    assert Product.objects.get(slug="steel-halo-ring").stock == 11
    assert Product.objects.get(slug="stretch-silicone-ring").stock == 31

    # The product form asks for the category's attributes only, switching at once.
    admin.get_by_role("link", name="Add product").click()
    vibrators = admin.locator("fieldset.attributes-vibrators")
    impact = admin.locator("fieldset.attributes-impact")
    expect(vibrators).to_be_hidden()
    admin.get_by_label("Category:").select_option(label="Vibrators")
    expect(vibrators).to_be_visible()
    expect(admin.get_by_label("Flared base:")).to_be_visible()
    expect(impact).to_be_hidden()
    admin.get_by_label("Category:").select_option(label="Impact toys")
    expect(impact).to_be_visible()
    expect(vibrators).to_be_hidden()

    # The linter's page: the demo data has no problems.
    admin.goto("/admin/catalog/product/lint/")
    expect(admin.locator("#lint-summary")).to_have_text("No problems.")

    # A section's picks inline fits 1,280 px: no sideways scrolling, Delete in view.
    section = Section.objects.filter(picks__isnull=False).first()
    admin.goto(f"/admin/guides/section/{section.pk}/change/")
    assert admin.evaluate("document.documentElement.scrollWidth") <= 1280
    delete = admin.locator("#picks-group th", has_text=re.compile("Delete", re.I)).first
    assert delete.bounding_box()["x"] + delete.bounding_box()["width"] <= 1280

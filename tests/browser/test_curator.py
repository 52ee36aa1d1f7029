"""Journey 5: a curator (staff, in the Curator group, not a superuser) works in the admin.

Logs in through the login form, adds a restraint, is refused without a quick-release answer,
adds a safety note from the product form, publishes, checks the catalog as a customer, then
picks the product in the guide's restraints section and sees it on the guide page.
"""

import re

import pytest
from playwright.sync_api import expect

from catalog.models import Product
from tests.factories import CuratorFactory

NAME = "Practice Cuffs With Quick Clips"
NOTE = "Practise opening the clips with one hand before you play."
REASON = "Clips open with one hand, so you can let go in a second."
GUIDE_URL = "/guides/consensual-rough-play/"


def log_in(page, username: str, password: str) -> None:
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next=/admin/$"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Catalog and guides")


def messages(page):
    return page.locator("ul.messagelist")


def choose_in_autocomplete(page, row, search: str, option: str) -> None:
    """Pick an option in the admin's autocomplete (select2) widget inside `row`."""
    row.locator(".select2-selection").click()
    page.locator(".select2-container--open input.select2-search__field").fill(search)
    page.locator(".select2-results__option", has_text=option).click()


@pytest.mark.django_db(transaction=True)  # adds a curator, a product and a pick
def test_a_curator_adds_a_restraint_publishes_it_and_picks_it_in_a_guide(new_context, demo_data):
    CuratorFactory(username="robin")  # password: "correct horse battery"
    admin = new_context(passed=False).new_page()
    log_in(admin, "robin", "correct horse battery")
    # A curator, not a superuser: content apps only, no user or group management.
    expect(admin.get_by_role("link", name="Users")).to_have_count(0)
    expect(admin.get_by_role("link", name="Groups")).to_have_count(0)

    # Add a restraint, forgetting the quick-release answer.
    admin.get_by_role("row", name=re.compile(r"^Products")).get_by_role("link", name="Add").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Add product")
    # The admin's change_form.js focuses the form's first control (with save_on_top, the
    # top Save button) when it runs: typing before then would land a space on Save.
    admin.wait_for_load_state("load")
    admin.get_by_label("Name:").press_sequentially(NAME)  # typed: the slug follows it
    expect(admin.get_by_label("Slug:")).to_have_value("practice-cuffs-with-quick-clips")
    admin.get_by_label("SKU:").fill("SW-RES-900")
    admin.get_by_label("Brand:").fill("Meridian Knot")
    admin.get_by_label("Category:").select_option(label="Restraints")
    admin.get_by_label("Description:").fill("Soft wrist cuffs joined by a clip that opens fast.")
    admin.get_by_label("Price:").fill("29.00")
    admin.get_by_label("Stock:").fill("12")
    admin.get_by_label("Beginner", exact=True).check()
    admin.get_by_label("Restraint type:").select_option(label="Wrist cuffs")
    admin.get_by_role("button", name="Save and continue editing").first.click()

    expect(admin.locator(".errornote")).to_be_visible()
    quick_release = admin.locator(".form-row.field-quick_release")
    expect(quick_release.locator(".errorlist")).to_have_text(
        "Restraints must say yes or no to quick release."
    )
    assert not Product.objects.filter(name=NAME).exists()

    # Answer it, and add a product safety note from the form's "+" button.
    admin.get_by_label("Quick release:").select_option(label="Yes")
    with admin.expect_popup() as popup:
        admin.get_by_title("Add another safety note").click()
    note_form = popup.value
    expect(note_form.get_by_role("heading", level=1)).to_have_text("Add safety note")
    note_form.get_by_label("Text:").fill(NOTE)
    note_form.get_by_label("Severity:").select_option(label="Caution")
    with note_form.expect_event("close"):
        note_form.get_by_role("button", name="Save", exact=True).click()
    expect(admin.locator("#id_safety_notes option:checked")).to_have_text(f"Caution: {NOTE}")

    admin.get_by_role("button", name="Save and continue editing").first.click()
    expect(messages(admin)).to_contain_text(f"The product “{NAME}” was added successfully")
    product = Product.objects.get(name=NAME)
    assert product.quick_release is True and not product.is_published
    assert [note.text for note in product.safety_notes.all()] == [NOTE]

    # Not published yet: a customer cannot find it.
    customer = new_context().new_page()
    customer.goto("/catalog/restraints/?level=beginner")
    expect(customer.get_by_role("link", name=NAME)).to_have_count(0)

    # Publish it from the product list with the bulk action.
    admin.get_by_role("link", name="Products", exact=True).first.click()
    row = admin.get_by_role("row").filter(has=admin.get_by_role("link", name=NAME))
    row.get_by_role("checkbox").check()
    admin.get_by_label("Action:").select_option(label="Publish selected products")
    admin.get_by_role("button", name="Go").click()
    expect(messages(admin)).to_contain_text("1 product published.")

    # The customer now finds it among beginner restraints, with the new note on its page.
    customer.reload()
    customer.get_by_role("link", name=NAME).click()
    expect(customer.get_by_role("heading", level=1)).to_have_text(NAME)
    notes = customer.get_by_role("region", name="Safety notes")
    expect(notes.get_by_text(NOTE)).to_be_visible()
    expect(notes.get_by_text("Keep safety shears within reach")).to_be_visible()  # category's

    # Pick it in the guide's restraints section, in an empty row of the picks table.
    admin.locator("nav[aria-label=Breadcrumbs]").get_by_role("link", name="Home").click()
    admin.get_by_role("link", name="Sections").click()
    sections = admin.locator("#result_list")
    sections.get_by_role("row").filter(has_text="Consensual rough play").get_by_role(
        "link", name="Restraints", exact=True
    ).click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Change section")
    empty_row = admin.locator("#picks-group tr.form-row:not(.has_original):not(.empty-form)").first
    choose_in_autocomplete(admin, empty_row, "quick clips", NAME)
    empty_row.locator("select[name$='-level']").select_option(label="Beginner")
    empty_row.locator("input[name$='-reason']").fill(REASON)
    admin.get_by_role("button", name="Save and continue editing").first.click()
    expect(messages(admin)).to_contain_text("was changed successfully")

    # The guide shows it in the beginner column of its restraints section, with the reason.
    customer.goto(GUIDE_URL + "#restraints")
    beginners = customer.locator("#restraints").get_by_role("region", name="For beginners")
    pick = beginners.locator(".pick").filter(has=customer.get_by_role("link", name=NAME))
    expect(pick).to_be_visible()
    expect(pick.get_by_text(REASON)).to_be_visible()
    pick.get_by_role("link", name=NAME).click()
    expect(customer.get_by_role("heading", level=1)).to_have_text(NAME)
    expect(
        customer.get_by_role("region", name="Featured in our guides").get_by_role(
            "link", name=re.compile(r"Consensual rough play.*: Restraints")
        )
    ).to_be_visible()

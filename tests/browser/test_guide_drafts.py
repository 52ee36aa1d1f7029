"""Journey: a curator (staff, in the Curator group, not a superuser) changes a published guide
without customers seeing a half-done edit: saves a draft, previews it at the guide's own
address while a customer (another browser) still reads the published text, publishes it, then
goes back to the earlier text from the guide's history.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import audit
from tests.browser.test_curator import log_in, messages
from tests.factories import CuratorFactory

GUIDE_URL = "/guides/choosing-a-lubricant/"
ADDED = "Keep a small bottle by the bed, so you never have to stop and go looking."
PUBLISHED_START = "Lubricant makes almost everything more comfortable."


@pytest.mark.django_db(transaction=True)  # changes a guide, adds a curator
def test_a_curator_drafts_previews_publishes_and_reverts_a_guide(new_context, demo_data):
    CuratorFactory(username="sam")  # password: "correct horse battery"
    admin = new_context(passed=False).new_page()  # staff need no age-gate pass
    log_in(admin, "sam", "correct horse battery")
    customer = new_context().new_page()

    # Edit the guide's first section and keep the change as a draft.
    admin.locator("tr.model-guide").get_by_role("link", name="Guides").click()
    admin.get_by_role("link", name="Choosing a lubricant").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Change guide")
    body = admin.locator("#id_sections-0-body")
    body.fill(f"{body.input_value()}\n\n{ADDED}")
    admin.get_by_role("button", name="Save as draft").first.click()
    expect(messages(admin)).to_contain_text("Saved as a draft: customers still see")
    expect(admin.get_by_role("status").filter(has_text="Unpublished draft")).to_contain_text(
        "Saved by sam"
    )
    expect(admin.locator("#id_sections-0-body")).to_have_value(re.compile(re.escape(ADDED)))

    # A customer still reads the published guide.
    customer.goto(GUIDE_URL)
    expect(customer.locator("#why-lube")).to_contain_text(PUBLISHED_START)
    expect(customer.get_by_text(ADDED)).to_have_count(0)
    expect(customer.get_by_text("Draft preview")).to_have_count(0)
    # Asking for the preview changes nothing for them.
    customer.goto(GUIDE_URL + "?preview=draft")
    expect(customer.get_by_text(ADDED)).to_have_count(0)

    # The curator previews the draft at the guide's own address, with a banner.
    admin.get_by_role("link", name="Preview the draft on the site").click()
    expect(admin).to_have_url(re.compile(re.escape(GUIDE_URL) + r"\?preview=draft$"))
    expect(admin.get_by_role("status").filter(has_text="Draft preview")).to_contain_text(
        "Draft preview — customers see the published version."
    )
    expect(admin.locator("#why-lube")).to_contain_text(ADDED)
    assert audit(admin) == []

    # Publish it: the customer sees it at once.
    admin.get_by_role("link", name="Back to the guide's admin page").click()
    admin.get_by_role("button", name="Publish the draft now").click()
    expect(messages(admin)).to_contain_text("The draft is published")
    expect(admin.get_by_text("Unpublished draft")).to_have_count(0)
    customer.goto(GUIDE_URL)
    expect(customer.locator("#why-lube")).to_contain_text(ADDED)

    # The history lists who published what and when; go back to the text before.
    admin.get_by_role("link", name="History").first.click()
    history = admin.locator("#change-history")
    expect(history).to_contain_text("Published the draft.")
    expect(history).to_contain_text("sam")
    history.get_by_role("row").filter(has_text="before its first recorded change").get_by_role(
        "link"
    ).click()
    expect(admin.get_by_role("heading", level=1)).to_contain_text("Revert")
    admin.get_by_role("button", name="Save", exact=True).first.click()
    expect(messages(admin)).to_contain_text("was changed successfully")
    customer.goto(GUIDE_URL)
    expect(customer.locator("#why-lube")).to_contain_text(PUBLISHED_START)
    expect(customer.get_by_text(ADDED)).to_have_count(0)

    # "View on site" from a section goes to its anchor, past the gate for staff.
    admin.get_by_role("link", name="Choosing a lubricant").first.click()
    admin.locator("#sections-2").get_by_role("link", name="View on site").click()
    expect(admin).to_have_url(re.compile(re.escape(GUIDE_URL) + "#compatibility$"))

import re
from decimal import Decimal

import pytest
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


# --- Journey 4 (issue 7): the finder as a beginner and as an experienced customer ------------

GUIDE_URL = "/guides/consensual-rough-play/"


def money(text: str) -> Decimal:
    return Decimal(re.search(r"£(\d+\.\d\d)", text).group(1))


def picks_in(page, category_name):
    """(name, article) for each pick shown in a category's section of the results."""
    region = page.get_by_role("region", name=category_name, exact=True)
    articles = region.locator("article.finder-pick")
    expect(articles.first).to_be_visible()  # the results have loaded (every caller wants picks)
    return [(a.get_by_role("heading", level=3).inner_text(), a) for a in articles.all()]


def hidden_names(page, category_name, reason_start):
    """Open the "N products hidden" list under a reason and return the names in it."""
    region = page.get_by_role("region", name=category_name, exact=True)
    reason = region.locator(".finder-hidden > ul > li").filter(has_text=reason_start)
    expect(reason).to_have_count(1)
    reason.locator("summary").click()
    names = reason.locator("details li").all_inner_texts()
    return [name for name in names if name != "and more like these"]


def check_reasons_and_notes(article, product) -> None:
    """Every recommendation says why it was picked and shows all its safety notes: its own on
    its card, those its whole category shares once above the category's picks."""
    expect(article.get_by_role("heading", name="Why we picked it")).to_be_visible()
    assert article.locator(".finder-reasons li").count() >= 2
    expect(article.locator("img")).to_have_count(1)  # its picture
    section = article.locator("xpath=ancestor::section[1]")
    shared = section.locator(".finder-shared-notes .safety-note")
    own = article.locator(".finder-notes .safety-note")
    assert own.count() + shared.count() == len(product.all_safety_notes)
    for note in product.all_safety_notes:
        assert (
            own.filter(has_text=note.text).count() + shared.filter(has_text=note.text).count() == 1
        ), note.text


def test_a_beginner_from_the_guide_gets_gentle_picks_with_reasons_a_kit_in_budget_and_why_not(
    page, demo_data
):
    # The guide's impact section starts the finder with impact toys already chosen (a POST).
    page.goto(GUIDE_URL + "#impact")
    page.get_by_role("button", name="Find your starter kit: impact toys").click()
    expect(page.get_by_text("Step 1 of 4")).to_be_visible()
    page.get_by_label("I'm new to this").check()
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_label("Impact toys", exact=True)).to_be_checked()
    page.get_by_label("Cock rings", exact=True).check()
    page.get_by_role("button", name="Next").click()

    # A beginner is only offered the gentle end and rings that come off easily.
    intensity = page.get_by_role("group", name="Impact: how intense?")
    expect(intensity.get_by_role("radio")).to_have_count(3)  # no preference, 1 and 2
    expect(intensity.get_by_label("3 of 5: medium")).to_have_count(0)
    fit = page.get_by_role("group", name="Cock rings: which fit?")
    expect(fit.get_by_label("Rigid", exact=False)).to_have_count(0)
    intensity.get_by_label("2 of 5: gentle").check()
    fit.get_by_label("Adjustable").check()
    page.get_by_role("button", name="Next").click()

    page.get_by_label("Total budget (£)").fill("40")
    page.get_by_role("button", name="Show my results").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your starter picks")
    assert page.url.endswith("/finder/")  # no answer in the address

    # The kit: one per category, and its total within the budget.
    kit = page.get_by_role("region", name="Your starter kit")
    expect(kit).to_contain_text("within your budget of £40.00")
    items = kit.locator(".finder-kit__items li").all_inner_texts()
    assert [re.search(r"\((.+)\)", item).group(1) for item in items] == [
        "Impact toys",
        "Cock rings",
    ]
    total = money(kit.locator("strong").inner_text())
    assert total == sum(money(item) for item in items) and total <= 40

    # Each pick: beginner gear only, with reasons and every safety note.
    for category, allowed in [
        ("Impact toys", lambda p: p.intensity <= 2),
        ("Cock rings", lambda p: p.ring_fit in ("soft", "adjustable")),
    ]:
        picks = picks_in(page, category)
        assert picks, category
        for name, article in picks:
            product = Product.objects.with_card_data().get(name=name)
            assert product.for_beginner and allowed(product), name
            expect(article.get_by_text("Chosen for beginners")).to_be_visible()
            check_reasons_and_notes(article, product)

    # Why not: what was hidden, and why, product by product.
    harder = hidden_names(page, "Impact toys", "Harder-hitting impact toys hidden")
    assert harder and all(Product.objects.get(name=n).intensity > 2 for n in harder), harder
    rigid = hidden_names(page, "Cock rings", "Rigid rings hidden")
    assert rigid and all(Product.objects.get(name=n).ring_fit == "rigid" for n in rigid), rigid

    # A smaller budget: the kit changes to fit it; below the cheapest safe kit, the page says
    # so and names what that kit costs.
    page.get_by_role("button", name="Change my answers").click()
    expect(page.get_by_text("Step 4 of 4")).to_be_visible()
    expect(page.get_by_label("Total budget (£)")).to_have_value("40.00")
    page.get_by_label("Total budget (£)").fill("30")
    page.get_by_role("button", name="Show my results").click()
    kit = page.get_by_role("region", name="Your starter kit")
    expect(kit).to_contain_text("within your budget of £30.00")
    assert money(kit.locator("strong").inner_text()) <= 30

    gentle = Product.objects.recommendable().filter(for_beginner=True)
    cheapest = min(
        gentle.filter(category__slug="impact", intensity__lte=2).values_list("price", flat=True)
    ) + min(
        gentle.filter(category__slug="cock-rings", ring_fit__in=["soft", "adjustable"]).values_list(
            "price", flat=True
        )
    )
    page.get_by_role("button", name="Change my answers").click()
    page.get_by_label("Total budget (£)").fill(str(cheapest - 1))
    page.get_by_role("button", name="Show my results").click()
    # Short of a full kit: the best partial kit, saying what it leaves out and its cost.
    kit = page.get_by_role("region", name="Your starter kit")
    expect(kit).to_contain_text("The kit leaves out")
    expect(kit.locator(".finder-kit__items li")).to_have_count(1)
    expect(kit.locator(".finder-kit__left-out li")).to_contain_text("which would bring the kit to")
    assert money(kit.locator("strong").inner_text()) <= cheapest - 1


@pytest.mark.django_db(transaction=True)  # sells out the water-based lubes
def test_an_experienced_customer_learns_what_emptied_a_list_and_keeps_the_protections(
    page, demo_data
):
    # Every water-based lube is sold out today: with silicone toys at home and latex condoms
    # in use, no lubricant is safe to recommend.
    Product.objects.filter(category__slug="lubricants", lubricant_base="water").update(stock=0)

    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Find your starter kit"
    ).click()
    page.get_by_label("I have some experience").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Impact toys", exact=True).check()
    page.get_by_label("Lubricants", exact=True).check()
    page.get_by_role("button", name="Next").click()
    intensity = page.get_by_role("group", name="Impact: how intense?")
    expect(intensity.get_by_role("radio")).to_have_count(6)  # the whole scale
    intensity.get_by_label("4 of 5: strong").check()
    page.get_by_role("group", name="Impact: which feeling?").get_by_label("Sting").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Total budget (£)").fill("100")
    page.get_by_label("I own silicone toys").check()
    page.get_by_label("I use latex condoms").check()
    page.get_by_role("button", name="Show my results").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your starter picks")

    # Impact: experienced gear, closest to what was asked first, each with its reasons.
    picks = picks_in(page, "Impact toys")
    assert picks
    first_name, first = picks[0]
    expect(first.get_by_text("Intensity 4 of 5 (strong): what you asked for")).to_be_visible()
    expect(
        first.get_by_text("A sharp, stinging feel on the skin, the feel you asked for")
    ).to_be_visible()
    region = page.get_by_role("region", name="Impact toys", exact=True)
    for name, article in picks:
        product = Product.objects.with_card_data().get(name=name)
        check_reasons_and_notes(article, product)
    assert Product.objects.get(name=first_name).for_experienced
    # Beginner gear is no fence the other way: nothing is hidden as "beginner-only".
    expect(region.get_by_text("Beginner-only gear hidden")).to_have_count(0)

    # Lubricants: empty, with every answer that emptied it named, and no button that would
    # drop a protection.
    lubricants = page.get_by_role("region", name="Lubricants", exact=True)
    expect(lubricants.locator("article")).to_have_count(0)
    empty = lubricants.locator(".finder-empty")
    expect(empty).to_contain_text("silicone-based or hybrid, which can damage your silicone toys")
    expect(empty).to_contain_text("oil-based, which weakens latex condoms")
    expect(empty).to_contain_text("We keep these protections on.")
    expect(lubricants.get_by_role("button")).to_have_count(0)
    silicone = hidden_names(page, "Lubricants", "Silicone and hybrid lubes hidden")
    oil = hidden_names(page, "Lubricants", "Oil-based lube hidden")
    assert {Product.objects.get(name=n).lubricant_base for n in silicone} <= {"silicone", "hybrid"}
    assert {Product.objects.get(name=n).lubricant_base for n in oil} == {"oil"}

    # The kit leaves lubricants out and stays within the budget.
    kit = page.get_by_role("region", name="Your starter kit")
    expect(kit).to_contain_text("The kit leaves out lubricants")
    items = kit.locator(".finder-kit__items li").all_inner_texts()
    assert len(items) == 1 and "(Impact toys)" in items[0]
    assert money(kit.locator("strong").inner_text()) == money(items[0]) <= 100


@pytest.mark.django_db(transaction=True)  # sells out the latex-free beginner rings
def test_a_beginner_with_a_latex_allergy_whose_rings_are_out_sees_the_true_reason(page, demo_data):
    """Issue 13's first unsafe retry: the page blamed the level and offered a button that
    switched to experienced, whose kit was a rigid steel ring."""
    rings = Product.objects.filter(category__slug="cock-rings", for_beginner=True)
    rings.exclude(materials__contains_latex=True).update(stock=0)
    assert rings.filter(materials__contains_latex=True, stock__gt=0).exists()

    page.goto("/finder/")
    page.get_by_label("I'm new to this").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Cock rings", exact=True).check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Someone who will use them has a latex allergy").check()
    page.get_by_role("button", name="Show my results").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your starter picks")

    section = page.get_by_role("region", name="Cock rings", exact=True)
    empty = section.locator(".finder-empty")
    expect(empty).to_contain_text("contains latex, and you told us about a latex allergy")
    expect(empty).to_contain_text("rigid ring")
    expect(empty).not_to_contain_text("suits beginners")
    expect(section.get_by_role("button")).to_have_count(0)
    expect(section.get_by_role("link", name="Read our guide to cock rings")).to_be_visible()
    # No form anywhere on the page changes a safety answer.
    for form in page.locator("form").all():
        if form.locator('input[name="level"]').count():
            expect(form.locator('input[name="level"]')).to_have_value("beginner")
            expect(form.locator('input[name="latex_allergy"]')).to_have_value("on")
    expect(page.get_by_role("region", name="Your starter kit")).not_to_contain_text("Steel")


def test_an_experienced_customer_asking_for_a_bullet_gets_bullets(page, demo_data):
    page.goto("/finder/")
    page.get_by_label("I have some experience").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Vibrators", exact=True).check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("group", name="Vibrators: which type?").get_by_label("Bullet").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Show my results").click()
    picks = picks_in(page, "Vibrators")
    bullets = Product.objects.recommendable().filter(vibrator_type="bullet")
    assert picks and len(picks) == min(3, bullets.count())
    for name, article in picks:
        assert Product.objects.get(name=name).vibrator_type == "bullet", name
        expect(article.get_by_text("Bullet, the type you asked for")).to_be_visible()
    section = page.get_by_role("region", name="Vibrators", exact=True)
    expect(section.get_by_text("Beginner-only gear hidden")).to_have_count(0)


def test_printed_results_keep_the_picks_and_notes_and_drop_the_buttons(page, demo_data):
    page.goto("/finder/")
    page.get_by_role("button", name="Skip this step").click()
    page.get_by_label("Restraints", exact=True).check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Skip this step").click()
    page.get_by_role("button", name="Skip: no budget or limits").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your starter picks")
    page.emulate_media(media="print")
    for gone in [
        page.get_by_role("navigation", name="Main"),
        page.get_by_role("navigation", name="Progress"),
        page.get_by_role("button", name="Change my answers"),
        page.get_by_role("link", name="Start again"),
        page.get_by_role("banner").get_by_role("link", name="Leave quickly"),
    ]:
        expect(gone).to_be_hidden()
    expect(page.get_by_role("region", name="Your starter kit")).to_be_visible()
    name, article = picks_in(page, "Restraints")[0]
    expect(article.get_by_role("heading", name="Safety notes")).to_be_visible()
    expect(article.locator(".finder-reasons")).to_be_visible()
    # The folded "N products hidden" lists print unfolded, and fold back afterwards.
    hidden = page.locator(".finder-hidden details")
    expect(hidden.first).not_to_have_attribute("open", "")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    for details in hidden.all():
        expect(details).to_have_attribute("open", "")
        expect(details.locator("li").first).to_be_visible()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(hidden.first).not_to_have_attribute("open", "")

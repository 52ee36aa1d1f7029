"""Links, chips and panels around the products: canonical, clean, and category-page aware.
Plain functions, no database."""

from decimal import Decimal

from catalog.facets import FacetCounts, Option
from catalog.listing import Selection, chips, money, panels, selected_values, selection_params


def selection(**params):
    return Selection(params, list_url="/catalog/")


def on_category_page(**params):
    return Selection(
        {"category": ["impact"], **params},
        list_url="/catalog/",
        category_slug="impact",
        category_url="/catalog/impact/",
    )


def test_urls_list_parameters_in_the_canonical_order():
    chosen = selection(sort=["price"], level=["beginner"], category=["impact"], q=["soft"])
    assert chosen.url() == "/catalog/?q=soft&category=impact&level=beginner&sort=price"


def test_toggling_adds_and_removes_values_and_replaces_single_ones():
    chosen = selection(material=["silicone"], level=["beginner"])
    assert chosen.toggled("material", "steel") == (
        "/catalog/?level=beginner&material=silicone&material=steel"
    )
    assert chosen.toggled("material", "silicone") == "/catalog/?level=beginner"
    assert chosen.toggled("level", "experienced") == (
        "/catalog/?level=experienced&material=silicone"
    )
    assert chosen.toggled("level", "beginner") == "/catalog/?material=silicone"
    assert chosen.toggled("in_stock", "1") == (
        "/catalog/?level=beginner&material=silicone&in_stock=1"
    )


def test_a_category_page_keeps_its_category_in_the_path():
    page = on_category_page(level=["beginner"])
    assert page.url() == "/catalog/impact/?level=beginner"
    assert page.toggled("category", "restraints") == (
        "/catalog/?category=impact&category=restraints&level=beginner"
    )
    assert page.toggled("category", "impact") == "/catalog/?level=beginner"
    assert page.page_query == "level=beginner"
    assert page.hidden_for_search == [("level", "beginner")]
    assert page.clear_url == "/catalog/impact/"
    assert page.form_action == "/catalog/impact/"


def test_clear_all_keeps_only_the_sort_order():
    chosen = selection(q=["soft"], level=["beginner"], sort=["-price"], price_max=["40"])
    assert chosen.clear_url == "/catalog/?sort=-price"
    assert chosen.hidden_for_filters == [("q", "soft"), ("level", "beginner"), ("sort", "-price")]
    assert chosen.hidden_for_sort == [("q", "soft"), ("level", "beginner"), ("price_max", "40")]


def test_selection_params_drops_defaults_and_formats_values():
    cleaned = {
        "q": "  featured  ",  # a search for the word, not the default sort
        "level": "",
        "price_min": Decimal("1E+1"),
        "price_max": Decimal("25.50"),
        "latex_free": True,
        "in_stock": False,
        "sort": "featured",
        "page": 3,
        "sensation": ["thud"],
        "intensity_max": 2,
    }
    assert selection_params(cleaned) == {
        "q": ["featured"],
        "price_min": ["10"],
        "price_max": ["25.50"],
        "latex_free": ["1"],
        "intensity_max": ["2"],
        "sensation": ["thud"],
    }


def counts(**facets):
    return FacetCounts(total=3, price_low=None, price_high=None, facets=facets)


def test_chips_name_each_filter_and_remove_only_it():
    chosen = selection(
        q=["cuffs"],
        category=["restraints"],
        level=["beginner"],
        price_min=["10"],
        price_max=["40.50"],
        quick_release=["1"],
        intensity_min=["2"],
        intensity_max=["2"],
    )
    found = chips(
        chosen,
        counts(
            category=[Option("restraints", "Restraints", 3, True)],
            quick_release=[Option("1", "Quick release", 1, True)],
        ),
    )
    assert [(chip.label, chip.url) for chip in found] == [
        (
            "Search: “cuffs”",
            "/catalog/?category=restraints&level=beginner&price_min=10&price_max=40.50"
            "&quick_release=1&intensity_min=2&intensity_max=2",
        ),
        (
            "Restraints",
            "/catalog/?q=cuffs&level=beginner&price_min=10&price_max=40.50"
            "&quick_release=1&intensity_min=2&intensity_max=2",
        ),
        (
            "Beginner level",
            "/catalog/?q=cuffs&category=restraints&price_min=10&price_max=40.50"
            "&quick_release=1&intensity_min=2&intensity_max=2",
        ),
        (
            "Quick release",
            "/catalog/?q=cuffs&category=restraints&level=beginner&price_min=10&price_max=40.50"
            "&intensity_min=2&intensity_max=2",
        ),
        (
            "Price £10 to £40.50",
            "/catalog/?q=cuffs&category=restraints&level=beginner&quick_release=1"
            "&intensity_min=2&intensity_max=2",
        ),
        (
            "Intensity 2",
            "/catalog/?q=cuffs&category=restraints&level=beginner&price_min=10&price_max=40.50"
            "&quick_release=1",
        ),
    ]


def test_the_category_of_a_category_page_is_its_title_not_a_chip():
    found = chips(on_category_page(), counts(category=[Option("impact", "Impact toys", 3, True)]))
    assert found == []


def test_open_ended_ranges_read_naturally():
    assert chips(selection(price_min=["5"]), counts())[0].label == "Price from £5"
    assert chips(selection(price_max=["9.99"]), counts())[0].label == "Price up to £9.99"
    assert chips(selection(intensity_max=["3"]), counts())[0].label == "Intensity up to 3"
    assert money("12.00") == "£12" and money(Decimal("0.5")) == "£0.50"


def test_panels_grey_out_empty_options_and_hide_irrelevant_attributes():
    shown = panels(
        selection(category=["impact"]),
        counts(
            category=[Option("impact", "Impact", 2, True), Option("rings", "Rings", 0, False)],
            ring_fit=[Option("soft", "Soft", 0, False)],
            sensation=[Option("thud", "Thud", 2, False)],
        ),
    )
    by_name = {panel.name: panel for panel in shown}
    assert list(by_name) == ["category", "price", "sensation"]
    impact, rings = by_name["category"].options
    assert impact.url == "/catalog/" and impact.selected
    assert rings.url is None  # greyed: nothing to add
    assert by_name["sensation"].options[0].url == "/catalog/?category=impact&sensation=thud"


def test_an_intensity_range_selects_every_level_inside_it():
    assert selected_values(selection(intensity_min=["2"], intensity_max=["4"]))["intensity"] == [
        "2",
        "3",
        "4",
    ]
    assert selected_values(selection(intensity_max=["2"]))["intensity"] == ["1", "2"]
    assert "intensity" not in selected_values(selection(level=["beginner"]))

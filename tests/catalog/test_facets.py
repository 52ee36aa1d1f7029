"""Facet counts: over the whole result set, OR within a facet and AND across facets, chosen
values kept visible, empty options greyed out, attribute facets shown only when relevant."""

import re
from decimal import Decimal
from urllib.parse import parse_qsl

import pytest
from django.db.models import Q

from catalog.facets import count_facets, is_relevant, without
from catalog.models import Product
from tests.catalog.conftest import get_json, query
from tests.factories import ProductFactory

LIST = "/catalog/"
FACET_PARAMS = {  # facet -> the parameters it owns
    "intensity": ("intensity_min", "intensity_max"),
}


def facet_params(name: str) -> tuple[str, ...]:
    return FACET_PARAMS.get(name, (name,))


def option_markup(html: str, label: str) -> str:
    """The markup of the facet option with this label."""
    for item in re.findall(r"<li>(.*?)</li>", html, re.S):
        if f'<span class="facet__label">{label}</span>' in item:
            return item
    raise AssertionError(f"no option {label}")


def with_only(base: list[tuple[str, str]], facet: str, value: str) -> list[tuple[str, str]]:
    """The base query with the facet's own parameters replaced by this one option."""
    kept = [(k, v) for k, v in base if k not in facet_params(facet)]
    if facet == "intensity":
        return [*kept, ("intensity_min", value), ("intensity_max", value)]
    return [*kept, (facet, value)]


@pytest.mark.parametrize(
    "base",
    [
        "",
        "category=impact&category=cock-rings",
        "material=silicone&in_stock=1",
        "latex_free=1&price_max=40&level=beginner",
        "category=impact&intensity_max=2&sensation=thud",
        "q=paddle",
    ],
)
def test_every_option_count_is_what_choosing_that_option_gives(client, shop_catalog, base):
    """For each option: its count == the number of results of the query where its facet is
    set to that option alone and every other filter stays."""
    base_pairs = parse_qsl(base)
    payload = get_json(client, f"{LIST}?{base}")
    assert payload["count"] == len(payload["results"])  # one page: the count is every result
    checked = 0
    for facet, options in payload["facets"].items():
        for option in options:
            only = query(with_only(base_pairs, facet, option["value"]))
            expected = get_json(client, f"{LIST}?{only}")
            assert option["count"] == expected["count"], (facet, option)
            checked += 1
    assert checked == 37  # 5 categories, 4 materials and the 28 fixed options


def test_counts_cover_the_whole_result_set_not_the_page(client, shop_catalog):
    ProductFactory.create_batch(30, category=shop_catalog.vibes, vibrator_type="egg")
    payload = get_json(client, f"{LIST}?category=vibrators&page=2")
    assert payload["count"] == 32 and len(payload["results"]) == 8
    types = {o["value"]: o["count"] for o in payload["facets"]["vibrator_type"]}
    assert types["egg"] == 30 and types["bullet"] == 1 and types["wand"] == 1
    categories = {o["value"]: o["count"] for o in payload["facets"]["category"]}
    assert categories["vibrators"] == 32


def test_or_within_a_facet_keeps_siblings_visible_and_counted(client, shop_catalog):
    payload = get_json(client, f"{LIST}?material=steel")
    materials = {o["value"]: o for o in payload["facets"]["material"]}
    assert materials["steel"]["selected"] is True
    # The siblings are counted as if chosen instead, not narrowed by steel.
    assert materials["silicone"]["count"] == 4 and materials["silicone"]["selected"] is False
    assert materials["leather"]["count"] == 2
    both = get_json(client, f"{LIST}?material=steel&material=leather")
    assert both["count"] == 4  # OR: steel (2) + leather (2)
    assert {o["value"] for o in both["facets"]["material"] if o["selected"]} == {"steel", "leather"}


def test_and_across_facets_narrows_the_other_facets_counts(client, shop_catalog):
    payload = get_json(client, f"{LIST}?level=experienced")
    categories = {o["value"]: o["count"] for o in payload["facets"]["category"]}
    assert categories == {
        "impact": 1,
        "restraints": 1,
        "cock-rings": 1,
        "lubricants": 2,
        "vibrators": 1,
    }
    levels = {o["value"]: (o["count"], o["selected"]) for o in payload["facets"]["level"]}
    assert levels == {"beginner": (7, False), "experienced": (6, True)}


def test_flags_and_ranges_are_counted(client, shop_catalog):
    payload = get_json(client, f"{LIST}?category=impact")
    facets = payload["facets"]
    assert facets["latex_free"] == [
        {"value": "1", "label": "Latex-free", "count": 2, "selected": False}
    ]
    assert facets["in_stock"][0]["count"] == 2
    intensities = {o["value"]: o["count"] for o in facets["intensity"]}
    assert intensities == {"1": 1, "2": 1, "3": 0, "4": 0, "5": 1}
    ranged = get_json(client, f"{LIST}?category=impact&intensity_min=2&intensity_max=4")
    chosen = [o["value"] for o in ranged["facets"]["intensity"] if o["selected"]]
    assert chosen == ["2", "3", "4"]


def test_chosen_values_stay_visible_and_remove_themselves(client, shop_catalog):
    html = client.get(f"{LIST}?category=impact&level=beginner").content.decode()
    chosen = re.search(
        r'<a class="facet__option facet__option--selected" href="([^"]+)"[^>]*>.*?Beginner.*?</a>',
        html,
    )
    assert chosen and "chosen: select to remove" in chosen.group(0)
    assert chosen.group(1) == "/catalog/?category=impact"
    # The sibling level is a link that replaces the level, with the other filters kept.
    assert 'href="/catalog/?category=impact&amp;level=experienced"' in html


def test_options_that_would_give_nothing_are_greyed_and_not_links(client, shop_catalog):
    html = client.get(f"{LIST}?category=vibrators").content.decode()
    leather = option_markup(html, "Leather")
    assert leather.startswith('<span class="facet__option facet__option--empty"')
    assert 'aria-disabled="true"' in leather and "<a " not in leather
    assert option_markup(html, "Silicone").startswith('<a class="facet__option"')
    assert "material=leather" not in html  # no link anywhere adds it


def test_attribute_facets_show_only_when_relevant(client, shop_catalog):
    everything = client.get(LIST).content.decode()
    for title in ("Ring fit", "Intensity", "Sensation", "Quick release", "Lubricant base"):
        assert f">{title}<" in everything
    impact = client.get(f"{LIST}?category=impact").content.decode()
    assert ">Intensity<" in impact and ">Sensation<" in impact
    for title in ("Ring fit", "Quick release", "Lubricant base", "Vibrator type"):
        assert f">{title}<" not in impact


def test_a_chosen_value_is_never_hidden_even_when_irrelevant(client, shop_catalog):
    html = client.get(f"{LIST}?category=impact&ring_fit=soft").content.decode()
    assert ">Ring fit<" in html
    assert re.search(r'facet__option--selected"[^>]*>.*?Soft, stretchy', html)
    assert "0 products" in html


def test_count_facets_is_a_plain_function_over_querysets(shop_catalog):
    scope = Product.objects.published()
    conditions = {"level": Q(for_beginner=True), "category": Q(category=shop_catalog.impact)}
    choices = {
        "level": [("beginner", "Beginner", Q(for_beginner=True))],
        "sensation": [
            ("sting", "Sting", Q(sensation="sting")),
            ("thud", "Thud", Q(sensation="thud")),
        ],
    }
    counts = count_facets(scope, conditions, choices, selected={"level": ["beginner"]})
    assert counts.total == 2
    assert [(o.value, o.count, o.selected) for o in counts.facets["sensation"]] == [
        ("sting", 1, False),
        ("thud", 1, False),
    ]
    assert counts.facets["level"][0].count == 2 and counts.facets["level"][0].selected
    assert (counts.price_low, counts.price_high) == (Decimal("20"), Decimal("30"))
    # A facet counted on its own gives the same numbers.
    alone = count_facets(scope, conditions, choices, separate=["sensation"])
    assert alone.facets["sensation"] == counts.facets["sensation"]


def test_without_ands_every_other_condition():
    conditions = {"a": Q(x=1), "b": Q(y=2)}
    assert without(conditions, "a") == Q(y=2)
    assert without(conditions) == Q(x=1) & Q(y=2)
    assert without({}, "a") == Q()


def test_is_relevant():
    from catalog.facets import Option

    assert not is_relevant([Option("a", "A", 0, False)])
    assert is_relevant([Option("a", "A", 0, True)])
    assert is_relevant([Option("a", "A", 3, False)])

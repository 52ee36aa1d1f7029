"""The tools' knowledge as plain data, checked without HTTP: the lube rules and the activities."""

import itertools
from types import SimpleNamespace

import pytest

from tools import activities, lube


def test_silicone_toys_and_latex_condoms_leave_water_based_lube():
    result = lube.verdicts({"silicone", "latex"})
    assert {base: verdict for base, (verdict, _) in result.items()} == {
        "water": lube.SAFE,
        "silicone": lube.AVOID,
        "oil": lube.AVOID,
        "hybrid": lube.AVOID,
    }
    assert any("tacky" in why for why in result["silicone"][1])
    assert any("tear" in why for why in result["oil"][1])


def test_polyurethane_condoms_and_glass_toys_rule_nothing_out():
    assert {v for v, _ in lube.verdicts({"polyurethane", "glass", "metal"}).values()} == {lube.SAFE}


def test_polyisoprene_is_treated_like_latex_with_oil():
    assert lube.verdicts({"polyisoprene"})["oil"][0] == lube.AVOID


def test_sensitive_skin_asks_for_care_and_rules_nothing_out():
    result = lube.verdicts({"sensitive"})
    assert {verdict for verdict, _ in result.values()} == {lube.CHECK}
    assert "glycerin" in result["water"][1][0]


@pytest.mark.parametrize("size", [1, 2, 3])
def test_water_based_lube_is_never_ruled_out(size):
    """The guide's promise: water-based lube is safe with every toy and condom."""
    values = [option.value for option in lube.all_options()]
    for chosen in itertools.combinations(values, size):
        assert lube.verdicts(set(chosen))["water"][0] != lube.AVOID, chosen


def test_every_answer_has_a_distinct_value_and_only_known_bases_and_verdicts():
    options = lube.all_options()
    assert len({option.value for option in options}) == len(options)
    for option in options:
        for base, verdict, why in option.rules:
            assert base in lube.BASES and verdict in (lube.AVOID, lube.CHECK) and why


def test_the_printable_chart_matches_the_rules():
    rows = dict(lube.chart())
    assert rows["Toy: Silicone"] == [
        ("safe", "Safe"),
        ("avoid", "Avoid"),
        ("safe", "Safe"),
        ("avoid", "Avoid"),
    ]
    assert [verdict for verdict, _ in rows["Condom: Latex"]] == ["safe", "safe", "avoid", "check"]
    assert "Condom: None" not in rows


def test_activities_have_unique_slugs_and_never_include_the_neck():
    slugs = [activity.slug for activity in activities.ACTIVITIES]
    assert len(slugs) == len(set(slugs))
    labels = " ".join(activity.label.lower() for activity in activities.ACTIVITIES)
    assert "neck" not in labels and "chok" not in labels and "breath" not in labels
    assert any("neck" in line for line in activities.NEVER)


def test_gear_activities_map_to_the_categories_of_their_kind():
    categories = [
        SimpleNamespace(slug="paddles-and-floggers", kind="impact"),
        SimpleNamespace(slug="more-impact", kind="impact"),
        SimpleNamespace(slug="cuffs", kind="restraints"),
    ]
    mapping = activities.category_slugs_by_activity(categories)
    assert mapping["paddle"] == ["paddles-and-floggers", "more-impact"]
    assert mapping["cuffs"] == ["cuffs"]
    assert mapping["cock-ring"] == []  # the shop sells none: nothing to carry
    assert "hair-pulling" not in mapping

"""A facet panel's option links are made by `Selection.toggler` (the rest of the query encoded
once per panel): each is the very link `Selection.toggled` makes, for any selection, on the
catalog and on a category page, whichever option is added or removed."""

from urllib.parse import urlencode

from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.forms import PARAMETERS, REPEATABLE
from catalog.listing import Selection

# A few values per parameter, some needing escaping in a URL.
VALUES = st.sampled_from(["impact", "silicone", "1", "25.50", "a b", "x&y=z", "“q”", "<b>"])
PARAMS = st.dictionaries(
    st.sampled_from([name for name in PARAMETERS if name != "page"]),
    st.lists(VALUES, min_size=1, max_size=3, unique=True),
)


@settings(max_examples=300, deadline=None)
@given(
    params=PARAMS,
    on_category=st.booleans(),
    name=st.sampled_from([*PARAMETERS, "intensity"]),
    value=VALUES,
)
def test_an_option_link_is_the_toggled_link(params, on_category, name, value):
    params = {n: v if n in REPEATABLE else v[:1] for n, v in params.items()}
    if on_category:
        params.setdefault("category", ["impact"])  # the page's own, or it and others
        urls = {"category_slug": "impact", "category_url": "/catalog/impact/"}
    else:
        urls = {}
    selection = Selection(params, list_url="/catalog/", **urls)
    assert selection.toggler(name)(value) == selection.toggled(name, value)


@settings(max_examples=300, deadline=None)
@given(params=PARAMS, changed=PARAMS, exclude=st.sets(st.sampled_from(PARAMETERS)))
def test_a_query_from_parts_encoded_once_is_urlencode(params, changed, exclude):
    """`Selection.query` joins each parameter's part, encoded once per page: the same string
    `urlencode` makes of the pairs, for the page's own parameters and for changed ones."""
    selection = Selection(params, list_url="/catalog/")
    mixed = {**selection.params, **changed}
    for asked in (None, mixed, {}):
        expected = urlencode(selection.pairs(asked, tuple(exclude)))
        assert selection.query(asked, tuple(exclude)) == expected

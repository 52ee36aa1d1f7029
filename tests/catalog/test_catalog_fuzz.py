"""Property: no query string, however odd, makes the catalog answer with a 5xx."""

from urllib.parse import quote, urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.forms import PARAMETERS
from tests.catalog.conftest import JSON

REAL_VALUES = [
    "impact",
    "restraints",
    "beginner",
    "experienced",
    "silicone",
    "latex",
    "water",
    "thud",
    "soft",
    "wand",
    "price",
    "-price",
    "newest",
    "1",
    "0",
    "3",
    "25.50",
]
# Unicode text without lone surrogates (which no client can send as UTF-8).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(repr),
    st.sampled_from(["1e400", "-0", "0x10", "1_000", "٣", "²", "1" * 300, "9" * 25]),
)
VALUES = st.one_of(st.sampled_from(REAL_VALUES), NUMBERS, TEXT, st.just(""))
KEYS = st.one_of(st.sampled_from(PARAMETERS), TEXT, st.sampled_from(["page", "category"]))
PAIRS = st.lists(st.tuples(KEYS, VALUES), max_size=12)
RAW = st.text(
    st.sampled_from("abc=&%;+?#[]0123456789xyzéß\x00 _-.~"), max_size=40
)  # not even valid percent-encoding


def encoded(pairs) -> str:
    return urlencode(pairs, quote_via=quote)


QUERIES = st.one_of(PAIRS.map(encoded), RAW)
PATHS = st.sampled_from(["/catalog/", "/catalog/impact/", "/catalog/vibrators/"])


def test_random_query_strings_never_get_a_5xx(client, shop_catalog):
    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(path=PATHS, query=QUERIES, as_json=st.booleans())
    def check(path, query, as_json):
        headers = JSON if as_json else {}
        response = client.get(f"{path}?{query}", follow=True, **headers)
        assert response.status_code < 500, (path, query, response.status_code)
        if as_json and response.status_code in (200, 400):
            payload = response.json()
            assert {"count", "page", "num_pages", "results", "facets"} <= set(payload)
            assert ("errors" in payload) == (response.status_code == 400)

    check()

"""A small, fully known catalog for the browsing tests, and helpers to read the listing."""

from types import SimpleNamespace
from urllib.parse import urlencode

import pytest

from tests.factories import CategoryFactory, MaterialFactory, ProductFactory

JSON = {"HTTP_ACCEPT": "application/json"}


def nothing_scheduled() -> None:
    """The content version's row as a running shop has it: there (a browser test's flush
    empties the table, and the first reader makes the row again, with 4 queries), and with no
    due time left by an earlier test (a browser test commits its scheduled drafts). The
    catalog reads the version: either would add queries to one request of a comparison."""
    from core.content import content_version
    from core.models import ContentVersion

    content_version()
    ContentVersion.objects.filter(pk=1).update(due_at=None)


@pytest.fixture
def shop_catalog(db):
    """Five categories, four materials and 13 products (one unpublished), each chosen so
    that every filter has something to keep and something to drop."""
    impact = CategoryFactory(slug="impact", name="Impact toys", kind="impact", position=1)
    restraints = CategoryFactory(
        slug="restraints", name="Restraints", kind="restraints", position=2
    )
    rings = CategoryFactory(slug="cock-rings", name="Cock rings", kind="cock-rings", position=3)
    lubes = CategoryFactory(slug="lubricants", name="Lubricants", kind="lubricants", position=4)
    vibes = CategoryFactory(slug="vibrators", name="Vibrators", kind="vibrators", position=5)

    silicone = MaterialFactory(slug="silicone", name="Silicone", is_silicone=True)
    latex = MaterialFactory(slug="latex", name="Natural latex", contains_latex=True)
    leather = MaterialFactory(slug="leather", name="Leather")
    steel = MaterialFactory(slug="steel", name="Steel")

    def product(name, category, price, levels=("beginner",), **fields):
        return ProductFactory(
            name=name,
            slug=name.lower().replace(" ", "-"),
            category=category,
            price=price,
            for_beginner="beginner" in levels,
            for_experienced="experienced" in levels,
            **fields,
        )

    return SimpleNamespace(
        impact=impact,
        restraints=restraints,
        rings=rings,
        lubes=lubes,
        vibes=vibes,
        feather=product(
            "Feather Paddle",
            impact,
            "20.00",
            intensity=1,
            sensation="thud",
            materials=[silicone],
            brand="Kindred Works",
            description="A light paddle with a soft, wide face.",
            is_featured=True,
        ),
        rubber=product(
            "Rubber Flogger", impact, "30.00", intensity=2, sensation="sting", materials=[latex]
        ),
        oak=product(
            "Oak Paddle",
            impact,
            "70.00",
            levels=("experienced",),
            intensity=5,
            sensation="thud",
            materials=[leather],
            stock=0,
        ),
        soft_cuffs=product(
            "Soft Cuffs", restraints, "35.00", quick_release=True, materials=[leather]
        ),
        steel_cuffs=product(
            "Steel Cuffs",
            restraints,
            "90.00",
            levels=("experienced",),
            quick_release=False,
            materials=[steel],
        ),
        stretch_ring=product("Stretch Ring", rings, "12.00", ring_fit="soft", materials=[silicone]),
        steel_ring=product(
            "Steel Ring",
            rings,
            "40.00",
            levels=("experienced",),
            ring_fit="rigid",
            materials=[steel],
        ),
        water_glide=product("Water Glide", lubes, "10.00", lubricant_base="water"),
        silk_lube=product(
            "Silk Lube",
            lubes,
            "18.00",
            levels=("beginner", "experienced"),
            lubricant_base="silicone",
        ),
        oil_balm=product(
            "Oil Balm", lubes, "15.00", levels=("experienced",), lubricant_base="oil", stock=0
        ),
        pebble=product(
            "Pebble Bullet", vibes, "25.00", vibrator_type="bullet", materials=[silicone]
        ),
        wand=product(
            "Big Wand",
            vibes,
            "80.00",
            levels=("experienced",),
            vibrator_type="wand",
            materials=[silicone],
            brand="Harbour Hush",
            description="A deep, rumbly massager for experienced hands.",
        ),
        hidden=product("Hidden Paddle", impact, "22.00", intensity=1, is_published=False),
    )


PUBLISHED = {
    "Feather Paddle",
    "Rubber Flogger",
    "Oak Paddle",
    "Soft Cuffs",
    "Steel Cuffs",
    "Stretch Ring",
    "Steel Ring",
    "Water Glide",
    "Silk Lube",
    "Oil Balm",
    "Pebble Bullet",
    "Big Wand",
}


def query(params) -> str:
    """`params` as a query string; a list of pairs keeps repeated names."""
    pairs = params.items() if isinstance(params, dict) else params
    return urlencode(list(pairs), doseq=True)


def get_json(client, url: str, status: int = 200) -> dict:
    response = client.get(url, **JSON)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/json"
    return response.json()


def names(payload: dict) -> list[str]:
    return [product["name"] for product in payload["results"]]

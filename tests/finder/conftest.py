from decimal import Decimal

import pytest

from tests.factories import MaterialFactory, ProductFactory, kind_category


@pytest.fixture
def small_catalog(db):
    """A few products in three kinds, enough for every part of the results page."""
    restraints = kind_category("restraints")
    lubes = kind_category("lubricants")
    rings = kind_category("cock-rings")
    silicone = MaterialFactory(silicone=True)
    ProductFactory(category=restraints, name="Clip Cuffs", price=Decimal("24.00"))
    ProductFactory(
        category=restraints, name="Buckle Cuffs", quick_release=False, for_experienced=True
    )
    ProductFactory(
        category=restraints,
        name="Blunt Shears",
        restraint_type="safety-shears",
        price=Decimal("8.00"),
        for_experienced=True,
    )
    ProductFactory(category=lubes, name="Water Glide", price=Decimal("9.00"))
    ProductFactory(
        category=lubes, name="Silk Serum", lubricant_base="silicone", price=Decimal("18.00")
    )
    ProductFactory(category=rings, name="Stretch Ring", materials=[silicone])
    return {"restraints": restraints, "lubricants": lubes, "cock-rings": rings}

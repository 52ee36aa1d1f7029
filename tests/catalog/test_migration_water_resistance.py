"""Migration 0006: the yes/no `waterproof` becomes `water_resistance` (yes -> waterproof,
no -> none, unanswered -> empty), and back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("catalog", "0005_product_listed_facets_index")]
AFTER = [("catalog", "0006_water_resistance_flared_base")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_yes_no_maps_to_water_resistance_and_back():
    try:
        apps = migrate(BEFORE)
        Category = apps.get_model("catalog", "Category")
        Product = apps.get_model("catalog", "Product")
        vibes = Category.objects.create(name="Vibes", slug="vibes", kind="vibrators")
        for slug, waterproof in [("wet", True), ("dry", False), ("unsaid", None)]:
            Product.objects.create(
                name=slug, slug=slug, sku=slug, brand="B", category=vibes, price=1,
                for_beginner=True, vibrator_type="bullet", placement="external",
                waterproof=waterproof,
            )  # fmt: skip
        apps = migrate(AFTER)
        Product = apps.get_model("catalog", "Product")
        assert dict(Product.objects.values_list("slug", "water_resistance")) == {
            "wet": "waterproof",
            "dry": "none",
            "unsaid": "",
        }
        assert set(Product.objects.values_list("flared_base", flat=True)) == {None}
        apps = migrate(BEFORE)
        Product = apps.get_model("catalog", "Product")
        assert dict(Product.objects.values_list("slug", "waterproof")) == {
            "wet": True,
            "dry": False,
            "unsaid": None,
        }
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

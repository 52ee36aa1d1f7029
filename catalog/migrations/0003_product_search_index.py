"""A GIN index for the catalog's full-text search, on PostgreSQL only.

The indexed expression is a frozen copy of `catalog.search.search_vector()`: the query and the
index must use exactly the same expression, or the planner cannot use the index
(tests/catalog/test_search.py EXPLAINs the query on PostgreSQL to check). On other databases
this migration does nothing; the search there falls back to `icontains`.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "product_search_gin"


def search_index():
    return GinIndex(
        SearchVector("name", weight="A", config="english")
        + SearchVector("brand", weight="B", config="english")
        + SearchVector("description", weight="C", config="english"),
        name=INDEX_NAME,
    )


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("catalog", "Product"), search_index())


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("catalog", "Product"), search_index())


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_curator_group")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]

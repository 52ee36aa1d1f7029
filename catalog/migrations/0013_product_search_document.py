"""The search's full-text document as a stored, generated column with a GIN index, on
PostgreSQL: a search reads each match's document instead of building it (and ranking it) for
every match, and the index is on the column, not on an expression (migration 0003's index,
dropped here). On other databases the column is NULL and unused (catalog.search falls back to
`icontains`), and no GIN index is made. Partial indexes of the product types a word can name
(`restraint_type`, ...) let the planner OR them with the GIN index rather than read the table.
"""

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import migrations, models
from django.utils.deconstruct import deconstructible

OLD_INDEX = "product_search_gin"  # migration 0003: an index on the expression
NEW_INDEX = "product_search_document_gin"
OLD_EXPRESSION = (
    "(setweight(to_tsvector('english'::regconfig, COALESCE(name, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, COALESCE(brand, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, COALESCE(description, '')), 'C'))"
)


@deconstructible(path="catalog.models.search.SearchDocument")
class SearchDocument(models.Func):
    """A frozen copy of `catalog.models.search.SearchDocument` (migrations import no app; the
    path makes the two compare equal): the name (A), brand (B) and description (C) in the
    'english' configuration on PostgreSQL, NULL elsewhere."""

    output_field = SearchVectorField(null=True)

    def __init__(self):
        super().__init__(models.F("name"), models.F("brand"), models.F("description"))

    def as_postgresql(self, compiler, connection, **extra_context):
        name, brand, description = self.get_source_expressions()
        document = (
            SearchVector(name, weight="A", config="english")
            + SearchVector(brand, weight="B", config="english")
            + SearchVector(description, weight="C", config="english")
        )
        return compiler.compile(document.resolve_expression(compiler.query))

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", []


def index_the_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")
        schema_editor.execute(
            f"CREATE INDEX {NEW_INDEX} ON catalog_product USING gin (search_document)"
        )


def index_the_expression(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NEW_INDEX}")
        schema_editor.execute(
            f"CREATE INDEX {OLD_INDEX} ON catalog_product USING gin ({OLD_EXPRESSION})"
        )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0012_category_published")]

    operations = [
        migrations.AddField(
            model_name="product",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=SearchDocument(),
                output_field=SearchVectorField(null=True),
            ),
        ),
        migrations.RunPython(index_the_column, index_the_expression, elidable=False),
        *(
            migrations.AddIndex(
                model_name="product",
                index=models.Index(
                    condition=models.Q(**{name: ""}, _negated=True),
                    fields=[name],
                    name=f"product_{name}_set",
                ),
            )
            for name in ("lubricant_base", "restraint_type", "vibrator_type")
        ),
    ]

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Func
from django.utils.deconstruct import deconstructible

SEARCH_CONFIG = "english"
DOCUMENT_WEIGHTS = {"name": "A", "brand": "B", "description": "C"}


def search_words(text: str) -> list[str]:
    """The lower-case words of a comma-separated list ("Cuffs, restraints" -> two entries)."""
    return [" ".join(part.lower().split()) for part in text.split(",") if part.strip()]


class SearchSynonym(models.Model):
    """A word customers search for and what the catalog calls it (catalog.search_terms).

    `handcuffs` -> `cuffs, restraints`: a search for handcuffs also finds cuffs and the
    restraints category. With `related_only` the shop does not stock the thing: a search for
    it finds nothing (truthfully) and suggests the replacements instead (`blindfold` ->
    `restraints`)."""

    term = models.CharField(
        max_length=60,
        unique=True,
        help_text="One word or a short phrase, as customers type it: 'handcuffs', 'lube'.",
    )
    replacements = models.CharField(
        max_length=200,
        help_text="What the catalog calls it, separated by commas: 'cuffs, restraints'.",
    )
    related_only = models.BooleanField(
        "suggest only",
        default=False,
        help_text="We do not sell this: find nothing, but suggest the replacements.",
    )
    note = models.CharField(
        max_length=200, blank=True, help_text="For curators: why this synonym exists."
    )

    class Meta:
        ordering = ["term"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(term=""), name="searchsynonym_term_set"),
        ]

    def __str__(self) -> str:
        return f"{self.term} → {self.replacements}"

    def clean(self):
        super().clean()
        self.term = " ".join(self.term.lower().split())
        words = search_words(self.replacements)
        if not self.term:
            raise ValidationError({"term": "Give the word customers search for."})
        if not words:
            raise ValidationError({"replacements": "Give at least one replacement."})
        if self.term in words:
            raise ValidationError({"replacements": "A word cannot be its own synonym."})
        self.replacements = ", ".join(words)

    @property
    def replacement_list(self) -> list[str]:
        return search_words(self.replacements)


@deconstructible(path="catalog.models.search.SearchDocument")
class SearchDocument(Func):
    """A product's full-text document, stored in `Product.search_document` (a generated column
    with a GIN index, migration 0013) so a search reads it instead of building it for every
    match: the name (weight A), brand (B) and description (C) in the 'english'
    configuration. On PostgreSQL only; elsewhere the column is NULL and the search uses
    `icontains` (catalog.search). Migration 0013 holds a frozen copy: a change here needs a
    migration of its own (makemigrations will not see it), which rebuilds the column."""

    output_field = SearchVectorField(null=True)

    def __init__(self):
        super().__init__(*(F(name) for name in DOCUMENT_WEIGHTS))

    def as_postgresql(self, compiler, connection, **extra_context):
        vectors = [
            SearchVector(expression, weight=weight, config=SEARCH_CONFIG)
            for expression, weight in zip(
                self.get_source_expressions(), DOCUMENT_WEIGHTS.values(), strict=True
            )
        ]
        document = vectors[0] + vectors[1] + vectors[2]
        return compiler.compile(document.resolve_expression(compiler.query))

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", []

"""Search synonyms curators edit in the admin, and the pg_trgm extension the search's typo
tolerance uses on PostgreSQL (catalog/search_terms.py). `TrigramExtension` does nothing on
other databases (Django's CreateExtension checks the vendor going forwards; going backwards
it does not, hence the subclass), which correct typos in Python.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models


class TrigramExtensionOnPostgreSQL(TrigramExtension):
    """pg_trgm on PostgreSQL; nothing elsewhere, in both directions."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0007_product_description_drafts'),
    ]

    operations = [
        TrigramExtensionOnPostgreSQL(),
        migrations.CreateModel(
            name='SearchSynonym',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('term', models.CharField(help_text="One word or a short phrase, as customers type it: 'handcuffs', 'lube'.", max_length=60, unique=True)),
                ('replacements', models.CharField(help_text="What the catalog calls it, separated by commas: 'cuffs, restraints'.", max_length=200)),
                ('related_only', models.BooleanField(default=False, help_text='We do not sell this: find nothing, but suggest the replacements.', verbose_name='suggest only')),
                ('note', models.CharField(blank=True, help_text='For curators: why this synonym exists.', max_length=200)),
            ],
            options={
                'ordering': ['term'],
                'constraints': [models.CheckConstraint(condition=models.Q(('term', ''), _negated=True), name='searchsynonym_term_set')],
            },
        ),
    ]

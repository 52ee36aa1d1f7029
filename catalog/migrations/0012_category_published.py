"""Categories go live when ready: a published flag. Categories that exist already were live,
so they start published; a new one starts unpublished."""

from django.db import migrations, models

HELP = (
    "Customers see the category (menu, home page, finder, its page) once it is published AND "
    "has a published, in-stock product with a safety note."
)


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0011_safety_note_condition_lube_numbing"),
    ]

    operations = [
        migrations.AddField(
            model_name="category",
            name="is_published",
            field=models.BooleanField(default=True, help_text=HELP, verbose_name="published"),
        ),
        migrations.AlterField(
            model_name="category",
            name="is_published",
            field=models.BooleanField(default=False, help_text=HELP, verbose_name="published"),
        ),
    ]

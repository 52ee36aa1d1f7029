"""A partial index of the products out of stock: every worker reads their ids again after each
stock change (catalog.stock), from this small index rather than the table."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0013_product_search_document"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="product",
            index=models.Index(
                condition=models.Q(("stock", 0)), fields=["id"], name="product_out_of_stock"
            ),
        ),
    ]

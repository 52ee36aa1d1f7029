"""Vibrators: water resistance in three steps instead of a yes/no, and whether a toy has a
flared base (the linter and the finder need both as real fields).

The old yes/no maps truthfully as far as it can: yes -> waterproof, no -> none. A "yes" that
was really splash-proof needs a curator's eye (`manage.py lint_catalog` points at products whose
description says "splash" while the field says waterproof). `flared_base` starts unanswered:
the admin asks for it when a vibrator is next saved.
"""

from django.db import migrations, models


def yes_no_to_resistance(apps, schema_editor):
    Product = apps.get_model("catalog", "Product")
    Product.objects.filter(waterproof=True).update(water_resistance="waterproof")
    Product.objects.filter(waterproof=False).update(water_resistance="none")


def resistance_to_yes_no(apps, schema_editor):
    Product = apps.get_model("catalog", "Product")
    Product.objects.filter(water_resistance="waterproof").update(waterproof=True)
    Product.objects.filter(water_resistance__in=["none", "splash-proof"]).update(waterproof=False)


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0005_product_listed_facets_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="product",
            name="flared_base",
            field=models.BooleanField(
                blank=True,
                help_text="Vibrators: does it have a flared base, a stop wider than the body "
                "that keeps it from slipping all the way inside?",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="water_resistance",
            field=models.CharField(
                blank=True,
                choices=[
                    ("none", "Not water-resistant (wipe clean only)"),
                    ("splash-proof", "Splash-proof (never submerge)"),
                    ("waterproof", "Waterproof (can be submerged)"),
                ],
                help_text="Vibrators: splash-proof toys take a rinse but must never be submerged.",
                max_length=12,
            ),
        ),
        migrations.RunPython(yes_no_to_resistance, resistance_to_yes_no),
        migrations.RemoveIndex(
            model_name="product",
            name="product_cat_waterproof",
        ),
        migrations.RemoveField(
            model_name="product",
            name="waterproof",
        ),
        migrations.AddIndex(
            model_name="product",
            index=models.Index(
                fields=["category", "water_resistance"], name="product_cat_water_resistance"
            ),
        ),
        migrations.AddConstraint(
            model_name="product",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("water_resistance", ""),
                    ("water_resistance__in", ["none", "splash-proof", "waterproof"]),
                    _connector="OR",
                ),
                name="product_water_resistance_valid",
            ),
        ),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_due_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="contentversion",
            name="version_without_stock",
            field=models.BigIntegerField(default=0),
        ),
    ]

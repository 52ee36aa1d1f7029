from django.db import migrations


def grant(apps, schema_editor):
    from shop.curators import grant_app_permissions

    grant_app_permissions(apps, "guides")


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

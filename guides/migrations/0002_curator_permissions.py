from django.db import migrations


def grant(apps, schema_editor):
    """Give the Curator group every permission of this app (made now: Django normally makes
    permissions after migrating). Self-contained, as migrations must be; after every migrate
    `core.curators.sync_curator_group` does the same for models added since."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("guides")
    if getattr(app_config, "models_module", None) is None:  # historical app configs have none
        app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Curator")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="guides"))


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

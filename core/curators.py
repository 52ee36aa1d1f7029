"""The `Curator` staff group: exactly the permissions to manage the shop's content.

After every migrate (and every flush in tests) `sync_curator_group` grants the permissions of
every model of the content apps, so the group always covers all content models (those added
later included) and never anything outside those apps. The apps are named, not imported: core
sits below them.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.management import create_permissions

CURATOR_GROUP = "Curator"
# Apps whose models are shop content: curators manage them, and saving them changes the
# content version (core.content). The finder's models are its admin reports (proxies).
CONTENT_APPS = ("catalog", "guides")
CURATOR_APPS = (*CONTENT_APPS, "finder")


def is_staff(request) -> bool:
    """Whether the visitor is signed in as staff (who see drafts, unpublished products and
    warnings). Staff sign in, so a visitor without a session cookie is not, and their user is
    not looked up: most visitors never sign in, and a page asks this of every one of them."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_staff


def grant_app_permissions(apps, app_label: str) -> None:
    """Create `app_label`'s permissions now (Django normally makes them after migrating) and
    give every one of them to the Curator group."""
    app_config = apps.get_app_config(app_label)
    if getattr(app_config, "models_module", None) is None:
        app_config.models_module = (
            True  # historical app configs have none; create_permissions needs one
        )
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=CURATOR_GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label))


def sync_curator_group(sender, apps=None, **kwargs) -> None:
    """post_migrate handler, sent once per app: grants the permissions of a content app.
    `flush` sends the signal without `apps`; the global registry then stands in."""
    if sender.label not in CURATOR_APPS:
        return
    grant_app_permissions(apps or global_apps, sender.label)

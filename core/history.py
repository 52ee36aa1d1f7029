"""Content history (django-reversion), shared by the apps whose content has versions."""

import reversion
from reversion.models import Version


def ensure_history(model, pk) -> None:
    """Before an object's first recorded change, record it as it is, so its history can always
    go back to what customers saw before (content seeded, or made before the history existed,
    has no version yet). Call it outside any other revision block: a nested one would merge."""
    if Version.objects.get_for_object_reference(model, pk).exists():
        return
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        return
    with reversion.create_revision():
        reversion.set_comment(
            f"The {model._meta.verbose_name} as it was before its first recorded change."
        )
        reversion.add_to_revision(obj)

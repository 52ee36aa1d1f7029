"""Whether a value from a request could be a key of a model, checked without a query."""

from django.core.exceptions import ValidationError


def is_key(model, field_name: str | None, value) -> bool:
    """Could `value` be a key of `model` (its primary key, or `field_name`)? Checked without a
    query: the right type, within the column's range (a 20-digit id overflows it), no NUL."""
    if isinstance(value, str) and "\x00" in value:
        return False
    opts = model._meta
    field = opts.get_field(field_name) if field_name else opts.pk
    try:
        field.run_validators(field.to_python(value))
    except (ValidationError, TypeError, ValueError):
        return False
    return True

"""Admin change forms in tests: what the page shows, as a browser would submit it."""

import datetime

from django.db.models.fields.files import FieldFile


def form_data(response) -> dict:
    """The change form as the page shows it, as the browser would submit it."""
    data = {}
    forms = [response.context["adminform"].form]
    for formset in response.context["inline_admin_formsets"]:
        forms += [formset.formset.management_form, *formset.formset.forms]
    for form in forms:
        for bound in form:
            value = bound.value()
            if isinstance(value, datetime.datetime | FieldFile):  # split fields, files: left empty
                continue
            if isinstance(value, list | tuple):  # several choices
                data[bound.html_name] = [str(item) for item in value]
            elif value is True:
                data[bound.html_name] = "on"
            elif value is not None and value is not False:
                data[bound.html_name] = value
    return data

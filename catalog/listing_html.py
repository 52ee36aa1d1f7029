"""Parts of a catalog page written in Python rather than by their templates: the search form
(`catalog/_search.html`), the sort form (`catalog/_sort.html`) and a category's safety notes
(`catalog/_safety_note.html`, once per note). Every catalog miss renders them, and the template
engine's includes, loops and lookups cost more than what they show.

The templates stay the parts' definitions and these functions' oracles:
tests/catalog/test_listing_html.py renders both over many pages (categories, searches, sorts,
filters, bad input, names that need escaping) and compares them. Every value is written as
`{{ }}` writes it: localized (numbers) and escaped.
"""

from django.utils.html import conditional_escape

from catalog.html_values import shown

HIDDEN = '<input type="hidden" name="{name}" value="{value}">'
SEARCH = (
    '<form class="catalog-search" method="get" action="{action}" role="search" '
    'aria-label="Catalog" data-drop-empty>\n'
    '  <label class="catalog-search__label" for="id_q">Search {what}</label>\n'
    '  <div class="catalog-search__row">\n'
    '    <input type="search" id="id_q" name="q" value="{value}" maxlength="{max_length}"'
    "{invalid}>\n"
    '    <button type="submit">Search</button>\n'
    "  </div>\n"
    "  {errors}\n"
    "  {hidden}\n"
    "</form>\n"
)
SEARCH_ERROR = '<p class="field-error" id="id_q_error">{error}</p>'
SORT = (
    '<form class="sort-form" method="get" action="{action}" data-autosubmit data-drop-empty>\n'
    "  {hidden}\n"
    '  <label for="id_sort">Sort by</label>\n'
    '  <select id="id_sort" name="sort"{invalid}>\n'
    "    {options}\n"
    "  </select>\n"
    '  <button type="submit" class="button--secondary">Sort</button>\n'
    "</form>\n"
)
OPTION = '<option value="{value}"{selected}>{label}</option>'
NOTE = (
    '<li class="safety-note safety-note--{severity}"><span class="safety-note__severity">'
    "{display}:</span> {text}</li>\n"
)


def hidden(pairs) -> str:
    return "".join(HIDDEN.format(name=shown(name), value=shown(value)) for name, value in pairs)


def search_form(context) -> str:
    """What `{% include "catalog/_search.html" %}` writes in this context."""
    selection, form, category = context["selection"], context["form"], context.get("category")
    field = form["q"]
    value, errors = field.value(), field.errors
    return SEARCH.format(
        action=shown(selection.form_action),
        what=conditional_escape(str(category.name).lower()) if category else "the catalog",
        value="" if value is None else shown(value),
        max_length=shown(form.fields["q"].max_length),
        invalid=' aria-invalid="true" aria-describedby="id_q_error"' if errors else "",
        errors="".join(SEARCH_ERROR.format(error=shown(error)) for error in errors),
        hidden=hidden(selection.hidden_for_search),
    )


def sort_form(context) -> str:
    """What `{% include "catalog/_sort.html" %}` writes in this context."""
    selection, form, current = context["selection"], context["form"], context.get("current_sort")
    options = "".join(
        OPTION.format(
            value=shown(value),
            selected=" selected" if value == current else "",
            label=shown(label),
        )
        for value, label in context.get("sort_choices") or ()
    )
    return SORT.format(
        action=shown(selection.form_action),
        hidden=hidden(selection.hidden_for_sort),
        invalid=' aria-invalid="true"' if form["sort"].errors else "",
        options=options,
    )


def safety_notes(notes) -> str:
    """What `{% for note in notes %}{% include "catalog/_safety_note.html" %}{% endfor %}`
    writes."""
    return "".join(
        NOTE.format(
            severity=shown(note.severity),
            display=shown(note.get_severity_display()),
            text=shown(note.text),
        )
        for note in notes
    )

"""`{% facet_option option %}`: one option of a facet panel (catalog.listing.PanelOption) in
`catalog/_filters.html`, written here in one step rather than by a dozen template lookups: a
catalog page shows some fifty of them. Its values are shown as `{{ }}` shows them."""

from django import template
from django.template.base import render_value_in_context
from django.utils.safestring import SafeString, mark_safe

from catalog.listing import PanelOption

register = template.Library()

LINK = (
    '<li><a class="facet__option{selected}" href="{url}" rel="nofollow">'
    '<span class="facet__box" aria-hidden="true"></span>'
    '<span class="facet__label">{label}</span> <span class="facet__count">{count}</span>'
    '<span class="visually-hidden"> product{plural}{chosen}</span></a></li>'
)
EMPTY = (
    '<li><span class="facet__option facet__option--empty" aria-disabled="true">'
    '<span class="facet__box" aria-hidden="true"></span>'
    '<span class="facet__label">{label}</span> <span class="facet__count">0</span>'
    '<span class="visually-hidden"> products</span></span></li>'
)


@register.simple_tag(takes_context=True)
def facet_option(context, option: PanelOption) -> SafeString:
    """A link that chooses (or, chosen, removes) the option with its count; greyed out when
    there is nothing to add."""
    label = render_value_in_context(option.label, context)
    if not option.url:
        return mark_safe(EMPTY.format(label=label))
    return mark_safe(
        LINK.format(
            selected=" facet__option--selected" if option.selected else "",
            url=render_value_in_context(option.url, context),
            label=label,
            count=render_value_in_context(option.count, context),
            plural="" if option.count == 1 else "s",
            chosen=", chosen: select to remove" if option.selected else "",
        )
    )

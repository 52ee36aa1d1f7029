"""`{{ product|card }}`: a product's card values (catalog.cards), for `catalog/_card.html`."""

from django import template

from catalog.cards import Card, Cards

register = template.Library()


@register.filter
def card(product) -> Card:
    return Cards().card(product)

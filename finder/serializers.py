"""The finder API's answer (docs/openapi.yaml, `FinderRecommendations`), built from
Recommendations as JSON text.

The text is what `JsonResponse` would write for the same objects (`json.dumps` with Django's
encoder and its default separators), put together from pieces: each product card's JSON is
made once per card and kept with it (`card_json`), and a pick, an add-on or a kit item is
its card's text with the request's own fields written after the card's, as
`{**card, "score": ...}` would place them (no card field shares their names)."""

from django.core.serializers.json import DjangoJSONEncoder

from catalog.serializers import product_object
from finder.logic.results import Recommendations

# `json.dumps(value, cls=DjangoJSONEncoder)`, without making an encoder for every value.
_dumps = DjangoJSONEncoder().encode


def card_object(product) -> dict:
    """The product object of a card, made once per card: the finder's cards are kept for the
    content version and shared by the requests a process serves (`index.load_cards`), and the
    object depends on the product alone. Callers copy it before adding to it."""
    made = product.__dict__.get("_finder_card_object")
    if made is None:
        made = product.__dict__["_finder_card_object"] = product_object(product)
    return made


def card_json(product) -> str:
    """`card_object` as JSON text, made once per card and kept with it like the object."""
    made = product.__dict__.get("_finder_card_json")
    if made is None:
        made = product.__dict__["_finder_card_json"] = _dumps(card_object(product))
    return made


def _card_with(product, *pairs) -> str:
    """The card's object with these (name, value) pairs after its own fields, as JSON."""
    extra = "".join(f", {_dumps(name)}: {_dumps(value)}" for name, value in pairs)
    return f"{card_json(product)[:-1]}{extra}}}"


_SCORE, _REASONS = f", {_dumps('score')}: ", f", {_dumps('reasons')}: "


def _pick_json(pick) -> str:
    """`_card_with(pick.product, ("score", pick.score), ("reasons", list(pick.reasons)))`,
    the names' JSON written once (every pick of every answer has them)."""
    reasons = _dumps(list(pick.reasons))
    return f"{card_json(pick.product)[:-1]}{_SCORE}{_dumps(pick.score)}{_REASONS}{reasons}}}"


def _add_on_json(add_on) -> str:
    return _card_with(add_on.pick.product, ("for", add_on.for_category), ("reason", add_on.why))


def _kit_json(kit) -> str:
    left_out = [
        {
            "category": row.category.slug,
            "reason": row.reason,
            "cost": None if row.cost is None else f"{row.cost:.2f}",
        }
        for row in kit.left_out
    ]
    items = ", ".join(card_json(pick.product) for pick in kit.items)
    return (
        f'{{"items": [{items}], "total": {_dumps(f"{kit.total:.2f}")}, '
        f'"notes": {_dumps(list(kit.notes))}, "left_out": {_dumps(left_out)}}}'
    )


def recommendations_json(recommendations: Recommendations) -> str:
    """The API's answer as JSON text."""
    kit = recommendations.kit
    picks = ", ".join(
        f"{_dumps(slug)}: [{', '.join(_pick_json(pick) for pick in picks)}]"
        for slug, picks in recommendations.picks.items()
    )
    hidden = [
        {"slug": hidden.slug, "category": hidden.category, "reason": hidden.reason}
        for hidden in recommendations.hidden
    ]
    empty = {
        # `retry` is in the public contract (PRODUCT.md) and always empty: preferences only
        # order the results, so only safety answers empty a category, and those stay.
        slug: {"because": empty.because, "message": empty.message, "retry": []}
        for slug, empty in recommendations.empty.items()
    }
    levels = {result.category.slug: result.level for result in recommendations.results}
    add_ons = ", ".join(_add_on_json(add_on) for add_on in recommendations.add_ons)
    return (
        f'{{"picks": {{{picks}}}, "hidden": {_dumps(hidden)}, "empty": {_dumps(empty)}, '
        f'"levels": {_dumps(levels)}, "add_ons": [{add_ons}], '
        f'"kit": {"null" if kit is None else _kit_json(kit)}, '
        f'"kit_message": {_dumps(recommendations.kit_message)}}}'
    )

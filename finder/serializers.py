"""The finder API's answer (docs/openapi.yaml, `FinderRecommendations`), built from
Recommendations."""

from catalog.serializers import product_object
from finder.logic.results import Pick, Recommendations


def card_object(product) -> dict:
    """The product object of a card, made once per card: the finder's cards are kept for the
    content version and shared by the requests a process serves (`index.load_cards`), and the
    object depends on the product alone. Callers copy it before adding to it."""
    made = product.__dict__.get("_finder_card_object")
    if made is None:
        made = product.__dict__["_finder_card_object"] = product_object(product)
    return made


def pick_object(pick: Pick) -> dict:
    return {**card_object(pick.product), "score": pick.score, "reasons": list(pick.reasons)}


def _add_on_object(add_on) -> dict:
    return {**card_object(add_on.pick.product), "for": add_on.for_category, "reason": add_on.why}


def _kit_object(kit) -> dict:
    return {
        "items": [dict(card_object(pick.product)) for pick in kit.items],
        "total": f"{kit.total:.2f}",
        "notes": list(kit.notes),
        "left_out": [
            {
                "category": row.category.slug,
                "reason": row.reason,
                "cost": None if row.cost is None else f"{row.cost:.2f}",
            }
            for row in kit.left_out
        ],
    }


def recommendations_object(recommendations: Recommendations) -> dict:
    kit = recommendations.kit
    return {
        "picks": {
            slug: [pick_object(pick) for pick in picks]
            for slug, picks in recommendations.picks.items()
        },
        "hidden": [
            {"slug": hidden.slug, "category": hidden.category, "reason": hidden.reason}
            for hidden in recommendations.hidden
        ],
        "empty": {
            # `retry` is in the public contract (PRODUCT.md) and always empty: preferences only
            # order the results, so only safety answers empty a category, and those stay.
            slug: {"because": empty.because, "message": empty.message, "retry": []}
            for slug, empty in recommendations.empty.items()
        },
        "levels": {result.category.slug: result.level for result in recommendations.results},
        "add_ons": [_add_on_object(add_on) for add_on in recommendations.add_ons],
        "kit": None if kit is None else _kit_object(kit),
        "kit_message": recommendations.kit_message,
    }

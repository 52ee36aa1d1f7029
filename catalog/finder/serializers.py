"""The finder API's answer (PRODUCT.md, "Public JSON contracts"), built from Recommendations."""

from catalog.serializers import product_object

from .results import Pick, Recommendations


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
            slug: {"because": empty.because, "message": empty.message}
            for slug, empty in recommendations.empty.items()
        },
        "kit": None
        if kit is None
        else {
            "items": [dict(card_object(pick.product)) for pick in kit.items],
            "total": f"{kit.total:.2f}",
        },
    }

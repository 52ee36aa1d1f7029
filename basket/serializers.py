"""The basket as JSON (docs/openapi.yaml, `Basket`)."""

from basket.basket import PricedBasket
from catalog.serializers import product_object


def basket_object(priced: PricedBasket) -> dict:
    return {
        "items": [
            {
                "product": product_object(line.product),
                "quantity": line.quantity,
                "line_total": f"{line.line_total:.2f}",
                "problem": line.problem,
            }
            for line in priced.lines
        ],
        "count": priced.count,
        "total": f"{priced.total:.2f}",
    }


def errors_object(form) -> dict:
    return {"errors": {name: [str(m) for m in messages] for name, messages in form.errors.items()}}

"""Basket input: every field bounded, every bad value a form error (400), never a 500."""

from django import forms
from django.core.validators import validate_slug
from django.utils.datastructures import MultiValueDict

from basket.basket import MAX_QUANTITY
from catalog.models import Product

MAX_PRODUCTS_AT_ONCE = 12  # "add the whole kit": the kit and its safety add-ons


class SlugListField(forms.Field):
    """One or more product slugs (`product` repeated, as the kit's form posts them)."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "required": "Choose a product.",
        "too_many": f"At most {MAX_PRODUCTS_AT_ONCE} products at once.",
        "invalid": "That is not a product.",
    }

    def to_python(self, value):
        if value in (None, "", []):
            return []
        values = value if isinstance(value, list | tuple) else [value]
        if len(values) > MAX_PRODUCTS_AT_ONCE:
            raise forms.ValidationError(self.error_messages["too_many"], code="too_many")
        slugs = []
        for item in values:
            if not isinstance(item, str) or len(item) > 120:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
            try:
                validate_slug(item)
            except forms.ValidationError:
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid"
                ) from None
            slugs.append(item)
        return list(dict.fromkeys(slugs))


def quantity_field(**kwargs) -> forms.IntegerField:
    return forms.IntegerField(
        min_value=1,
        max_value=MAX_QUANTITY,
        error_messages={
            "invalid": "Quantity: a whole number.",
            "min_value": "Quantity: at least 1 (use Remove to take it out).",
            "max_value": f"Quantity: at most {MAX_QUANTITY} of one product.",
        },
        **kwargs,
    )


class ProductFormMixin:
    """Looks the slugs up among published products (one query); `products` in cleaned data."""

    def clean_product(self):
        slugs = self.cleaned_data["product"]
        if isinstance(slugs, str):
            slugs = [slugs]
        found = Product.objects.published().in_bulk(slugs, field_name="slug")
        if missing := [slug for slug in slugs if slug not in found]:
            raise forms.ValidationError(
                f"No such product on sale: {', '.join(missing[:3])}.", code="unknown"
            )
        self.products = [found[slug] for slug in slugs]
        return slugs


class AddForm(ProductFormMixin, forms.Form):
    product = SlugListField()
    quantity = quantity_field(required=False)

    def clean_quantity(self):
        return self.cleaned_data["quantity"] or 1

    def clean(self):
        cleaned = super().clean()
        for product in getattr(self, "products", []):
            if not product.in_stock:
                self.add_error("product", f"{product.name} is out of stock just now.")
        return cleaned


class LineForm(forms.Form):
    """A line already in the basket (its product may since have been unpublished)."""

    product = forms.SlugField(max_length=120)

    def clean_product(self):
        slug = self.cleaned_data["product"]
        self.product = Product.objects.filter(slug=slug).only("pk", "name").first()
        if self.product is None:
            raise forms.ValidationError("That product is not in your basket.", code="unknown")
        return slug


class UpdateForm(LineForm):
    quantity = quantity_field()


def json_data(payload) -> MultiValueDict | None:
    """A JSON body (`{"product": slug or [slugs], "quantity": n}`) as form data, or None
    when it is not an object."""
    if not isinstance(payload, dict):
        return None
    data = MultiValueDict()
    for name in ("product", "quantity"):
        if name not in payload:
            continue
        value = payload[name]
        if isinstance(value, bool) or value is None:
            data.setlist(name, ["invalid"])  # true is not 1; null is not a slug
        elif isinstance(value, list):
            data.setlist(name, value)
        else:
            data.setlist(name, [value if isinstance(value, str) else str(value)])
    return data

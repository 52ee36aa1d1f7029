"""The product form fits its category: only the chosen category's attribute fields.

The server decides which attribute fieldset to render from the category of the request (the
posted one, `?category=<id>` on the add form, or the product's own), so the form never holds
fields that do not apply. Without a category yet (a blank add form) every kind's fieldset is
rendered, each saying which kind it is for, and `static/js/admin_product_form.js` shows only
the chosen kind's at once as the category changes (each category option carries its kind in
`data-kind`). Moving a product to a category of another kind clears the old kind's attributes.
"""

from django import forms

from catalog.admin_input import is_key
from catalog.attributes import ALL_ATTRIBUTES, CategoryKind, attributes_for
from catalog.models import Category

KIND_TITLES = {kind.value: kind.label for kind in CategoryKind if kind != CategoryKind.GENERAL}


class KindSelect(forms.Select):
    """A category select whose options say their category's kind (for the script)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = {str(pk): kind for pk, kind in Category.objects.values_list("pk", "kind")}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        kind = self.kinds.get(str(getattr(value, "value", value)))
        if kind:
            option["attrs"]["data-kind"] = kind
        return option


class ProductAdminForm(forms.ModelForm):
    def _post_clean(self):
        category = self.cleaned_data.get("category")
        if category is not None:
            wanted = attributes_for(category.kind)
            for name in ALL_ATTRIBUTES:
                if name not in wanted and name not in self.fields:
                    # Another kind's attribute: cleared when the product moves category.
                    blank = None if self.instance._meta.get_field(name).null else ""
                    setattr(self.instance, name, blank)
        super()._post_clean()


def chosen_kind(request, obj) -> str | None:
    """The kind whose attributes the form shows, or None (not chosen yet: show them all)."""
    raw = request.POST.get("category") if request.method == "POST" else None
    if raw is None and obj is None:
        raw = request.GET.get("category")
    if raw:
        if not is_key(Category, None, raw):
            return None
        kind = Category.objects.filter(pk=raw).values_list("kind", flat=True).first()
        return kind
    if obj is not None and obj.category_id:
        return obj.category.kind
    return None


# Yes/no fields a kind shows beside its attributes; they are never "not answered" (no by
# default), so the attribute rules of Product.clean leave them alone.
EXTRA_FIELDS = {"lubricants": ("numbing",)}


def attribute_fieldsets(kind: str | None) -> list:
    """The attribute fieldsets for a kind (none for a general one); all of them for None."""
    kinds = [k for k in KIND_TITLES if kind is None or k == kind]
    return [
        (
            f"Attributes: {KIND_TITLES[k]}",
            {
                "fields": [*attributes_for(k), *EXTRA_FIELDS.get(k, ())],
                "classes": ["attributes", f"attributes-{k}"],
                "description": f"For products in a category of the kind “{KIND_TITLES[k]}”."
                if kind is None
                else "",
            },
        )
        for k in kinds
    ]

"""The finder stores nothing of its own (answers are never kept). Its one model is a proxy of
the catalog's products that gives the curators' gap report (`finder.admin`) a place in the
admin, with a permission of its own."""

from catalog.models import Product


class FinderGap(Product):
    class Meta:
        proxy = True
        verbose_name = "finder gap"
        verbose_name_plural = "finder gaps"
        default_permissions = ("view",)

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from catalog.models import Category, Level, Product

RELATED_PRODUCTS = 4


class ProductListView(ListView):
    """The catalog: published products, 24 a page."""

    template_name = "catalog/product_list.html"
    context_object_name = "products"
    paginate_by = 24

    def get_queryset(self):
        products = Product.objects.published().with_card_data()
        level = self.request.GET.get("level")
        if level in Level.values:
            products = products.for_level(level)
        return products.order_by("-is_featured", "name", "pk")


class CategoryView(ProductListView):
    template_name = "catalog/category.html"

    def get_queryset(self):
        self.category = get_object_or_404(
            Category.objects.prefetch_related("safety_notes"), slug=self.kwargs["slug"]
        )
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class ProductDetailView(DetailView):
    template_name = "catalog/product_detail.html"
    context_object_name = "product"

    def get_queryset(self):
        products = Product.objects.with_card_data()
        if self.request.user.is_staff:
            return products  # curators may look at a product before publishing it
        return products.published()

    def get_context_data(self, **kwargs):
        product = self.object
        related = (
            Product.objects.published()
            .with_card_data()
            .filter(category_id=product.category_id)
            .exclude(pk=product.pk)
            .order_by("-is_featured", "name")[:RELATED_PRODUCTS]
        )
        return super().get_context_data(related=related, **kwargs)

from .drafts import ProductDraft
from .pages import StorePage
from .photo import ProductPhoto
from .product import Product
from .product_queries import Level, ProductQuerySet
from .safety import SafetyNote, Severity
from .search import SearchSynonym
from .taxonomy import Category, Material

__all__ = [
    "Category",
    "Level",
    "Material",
    "Product",
    "ProductDraft",
    "ProductPhoto",
    "ProductQuerySet",
    "SafetyNote",
    "SearchSynonym",
    "Severity",
    "StorePage",
]

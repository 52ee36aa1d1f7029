from .product import Level, Product, ProductQuerySet
from .safety import SafetyNote, Severity
from .taxonomy import Category, Material

__all__ = [
    "Category",
    "Level",
    "Material",
    "Product",
    "ProductQuerySet",
    "SafetyNote",
    "Severity",
]

"""The pages the benchmark drives, shared by the load run and the query counter."""

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    body: str | None = None  # a JSON body makes it a POST


FINDER_ANSWERS = {
    "level": "beginner",
    "categories": ["restraints", "lubricants", "impact"],
    "budget": "80",
    "owns_silicone_toys": True,
    "uses_latex_condoms": True,
    "intensity": 2,
}

PAGES = [
    Page("floor", "/_floor"),
    Page("home", "/"),
    Page("catalog", "/catalog/"),
    Page("catalog, 3 filters", "/catalog/?level=beginner&in_stock=1&price_max=60"),
    Page("search", "/catalog/?q=paddle"),
    Page("category", "/catalog/impact/"),
    Page("product", "/products/soft-cuff-set/"),
    Page("guide", "/guides/consensual-rough-play/"),
    Page("finder API", "/finder/api/", json.dumps(FINDER_ANSWERS)),
]

# The "varied traffic under churn" scenario (bench/churn.py): each page is a file of varied
# URLs written by bench/varied.py, named after the page.
VARIED_PAGES = ("floor", "home", "catalog", "category", "search", "product", "guide", "finder API")


def urls_file(page: str) -> str:
    return page.replace(" ", "_") + ".txt"

"""Write the varied URLs of the "varied traffic under churn" scenario, one shuffled file per
page (`<dir>/<page>.txt`, lines of "path" or "path<TAB>JSON body"), from what the database
holds: random filter combinations and pages of the catalog and of categories, random
products, random searches of one or two words taken from product names, random guides and
random finder answers. Run with the server's environment:
`python bench/varied.py <dir> [lines per page]`."""

import json
import os
import random
import re
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")

import django  # noqa: E402

django.setup()

from bench.pages import VARIED_PAGES, urls_file  # noqa: E402
from catalog.filters import ProductFilterSet  # noqa: E402
from catalog.forms import SORT_CHOICES  # noqa: E402
from catalog.models import Category, Material, Product  # noqa: E402
from guides.models import Guide  # noqa: E402

FLAGS = ("in_stock", "latex_free", "quick_release")
PRICES = ("10", "20", "30", "45", "60", "80", "120")


def filters(rng: random.Random, choices: dict, materials: list[str]) -> dict:
    """One to three random filters, a random sort now and then, a page from the first few."""
    params: dict = {}
    makers = [
        lambda: params.update(level=rng.choice(["beginner", "experienced"])),
        lambda: params.update({rng.choice(FLAGS): "1"}),
        lambda: params.update(price_max=rng.choice(PRICES)),
        lambda: params.update(price_min=rng.choice(PRICES[:3])),
        lambda: params.update(material=rng.sample(materials, rng.randint(1, 2))),
        lambda: params.update(intensity_min=rng.randint(1, 3)),
    ]
    for facet, options in choices.items():
        if facet not in {"level", "intensity", *FLAGS}:
            makers.append(lambda f=facet, o=options: params.update({f: rng.choice(o)[0]}))
    for make in rng.sample(makers, rng.randint(1, 3)):
        make()
    if rng.random() < 0.3:
        params["sort"] = rng.choice(SORT_CHOICES[1:])[0]
    if rng.random() < 0.4:
        params["page"] = rng.randint(2, 5)
    return params


def finder_answers(rng: random.Random, categories: list[str]) -> dict:
    """Random answers to the finder (its API's JSON object)."""
    return {
        "level": rng.choice(["beginner", "experienced"]),
        "categories": rng.sample(categories, rng.randint(0, 3)),
        "budget": str(rng.choice([30, 50, 80, 120, 200])),
        "owns_silicone_toys": rng.random() < 0.5,
        "uses_latex_condoms": rng.random() < 0.5,
        "intensity": rng.randint(1, 5),
    }


def name_words(products: list[tuple[str, str]]) -> list[str]:
    """The words searched for: those of four letters or more in the products' names."""
    found = {w.lower() for _slug, name in products for w in re.findall(r"[A-Za-z]{4,}", name)}
    return sorted(found)


def search_url(rng: random.Random, words: list[str]) -> str:
    """A random search of one or two of the words, its second page now and then."""
    search = " ".join(rng.sample(words, rng.randint(1, 2)))
    extra = {"page": 2} if rng.random() < 0.2 else {}
    return f"/catalog/?{urlencode({'q': search, **extra})}"


def lines(rng: random.Random, count: int) -> dict[str, list[str]]:
    choices = ProductFilterSet({}).choice_options()
    categories = list(Category.objects.values_list("slug", flat=True))
    materials = list(Material.objects.values_list("slug", flat=True))
    product_ids = list(Product.objects.published().values_list("pk", flat=True))
    sample = rng.sample(product_ids, min(count, len(product_ids)))
    products = list(Product.objects.filter(pk__in=sample).values_list("slug", "name"))
    words = name_words(products)
    guides = list(Guide.objects.values_list("slug", flat=True))
    out: dict[str, list[str]] = {name: [] for name in VARIED_PAGES}
    for _ in range(count):
        query = urlencode(filters(rng, choices, materials), doseq=True)
        out["catalog"].append(f"/catalog/?{query}")
        query = urlencode(filters(rng, choices, materials), doseq=True)
        out["category"].append(f"/catalog/{rng.choice(categories)}/?{query}")
        out["search"].append(search_url(rng, words))
        out["product"].append(f"/products/{rng.choice(products)[0]}/")
        out["guide"].append(f"/guides/{rng.choice(guides)}/")
        out["home"].append("/")
        out["finder API"].append(f"/finder/api/\t{json.dumps(finder_answers(rng, categories))}")
    out["floor"] = ["/_floor"]
    return out


def main() -> None:
    directory = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    directory.mkdir(parents=True, exist_ok=True)
    for page, page_lines in lines(random.Random(15), count).items():
        (directory / urls_file(page)).write_text("\n".join(page_lines) + "\n")


if __name__ == "__main__":
    main()

"""The catalog safety linter: data that contradicts the shop's own safety content.

Each rule is a function that yields `Finding`s; `RULES` is the registry. Apps above the catalog
add their own rules (guides registers the guide-pick rule in `guides.apps`), so the linter can
check them without the catalog importing anything from a higher floor. `manage.py lint_catalog`
and the admin page (`catalog.admin_lint`) both run `run()`.

A finding is a `problem` (the command exits non-zero) or `advice` (shown, exit 0 unless
`--strict`).
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.urls import reverse

from catalog.attributes import ATTRIBUTES_BY_KIND, Placement, WaterResistance
from catalog.models import Category, Product

PROBLEM, ADVICE = "problem", "advice"


@dataclass(frozen=True)
class Finding:
    rule: str
    subject: str  # what it is about, in words ("Remote Egg")
    message: str
    admin_url: str = ""
    severity: str = PROBLEM


Rule = Callable[[], Iterable[Finding]]
RULES: dict[str, tuple[str, Rule]] = {}  # key -> (title, rule)


def register(key: str, title: str):
    def decorate(rule: Rule) -> Rule:
        RULES[key] = (title, rule)
        return rule

    return decorate


def run(keys: Iterable[str] | None = None) -> list[Finding]:
    chosen = RULES if keys is None else {k: RULES[k] for k in keys}
    return [finding for _, rule in chosen.values() for finding in rule()]


def _product_url(product) -> str:
    return reverse("admin:catalog_product_change", args=[product.pk])


def _products():
    return Product.objects.with_card_data().order_by("name", "pk")


# --- flared base ---------------------------------------------------------------------------

NEVER_ANAL = re.compile(r"\b(never|not)\b[^.:]{0,20}\banal\b", re.IGNORECASE)


@register("flared-base", "Internal toys without a flared base")
def internal_without_flared_base():
    kinds = [kind for kind, names in ATTRIBUTES_BY_KIND.items() if "flared_base" in names]
    products = _products().filter(category__kind__in=kinds, placement=Placement.INTERNAL)
    for product in products.exclude(flared_base=True):
        if any(NEVER_ANAL.search(note.text) for note in product.all_safety_notes):
            continue
        said = "has no flared base" if product.flared_base is False else "does not say"
        yield Finding(
            "flared-base",
            product.name,
            f"An internal toy that {said} whether it has a flared base, and no safety note "
            "says “never for anal use”. Add that note or correct the attribute.",
            _product_url(product),
        )


# --- water resistance ----------------------------------------------------------------------

NOT_WATERPROOF = re.compile(r"\bnot\s+waterproof\b|\bwipe[- ]clean only\b", re.IGNORECASE)
SAYS_WATERPROOF = re.compile(r"(?<!not )\bwaterproof\b", re.IGNORECASE)
SAYS_SPLASH = re.compile(r"\bsplash", re.IGNORECASE)


def water_contradiction(resistance: str, text: str) -> str:
    """Why the description contradicts the stored water resistance ("" when it does not)."""
    if resistance == WaterResistance.WATERPROOF:
        if SAYS_SPLASH.search(text):
            return "the description says splash-proof, the attribute says waterproof"
        if NOT_WATERPROOF.search(text):
            return "the description says it is not waterproof, the attribute says waterproof"
    elif resistance in (WaterResistance.SPLASH_PROOF, WaterResistance.NONE):
        if SAYS_WATERPROOF.search(text):
            return f"the description says waterproof, the attribute says {resistance}"
        if resistance == WaterResistance.NONE and SAYS_SPLASH.search(text):
            return "the description says splash-proof, the attribute says none"
    return ""


@register("water-resistance", "Water resistance contradicting the description")
def water_resistance_contradictions():
    products = Product.objects.exclude(water_resistance="").order_by("name", "pk")
    for product in products.only("pk", "name", "description", "water_resistance"):
        if why := water_contradiction(product.water_resistance, product.description):
            yield Finding(
                "water-resistance", product.name, why.capitalize() + ".", _product_url(product)
            )


# --- notes that do not apply ---------------------------------------------------------------


def _value_words(field, value: str) -> set[str]:
    label = dict(field.choices).get(value, "")
    return {value.lower(), label.lower()} - {""}


def note_applies(note_text: str, product) -> bool:
    """A note does not apply when it names a value of one of the product's choice attributes
    (say "rigid" or "wand") and not the product's own ("soft", "bullet")."""
    text = note_text.lower()
    for name in ATTRIBUTES_BY_KIND.get(product.category.kind, ()):
        field = Product._meta.get_field(name)
        if not field.choices or isinstance(getattr(product, name), bool):
            continue
        own = _value_words(field, getattr(product, name) or "")
        others = set()
        for value, _ in field.choices:
            if value != getattr(product, name):
                others |= _value_words(field, value)
        mentions = lambda words: any(  # noqa: E731
            re.search(rf"\b{re.escape(word)}\b", text) for word in words
        )
        if mentions(others - own) and not mentions(own):
            return False
    return True


@register("notes-do-not-apply", "Products whose only notes are category notes that do not apply")
def notes_that_do_not_apply():
    for product in _products():
        if product.safety_notes.all():
            continue
        category_notes = product.category.safety_notes.all()
        if category_notes and not any(note_applies(n.text, product) for n in category_notes):
            yield Finding(
                "notes-do-not-apply",
                product.name,
                "It has no safety note of its own, and none of its category's notes applies to "
                "it (each names a kind it is not). Give it a note of its own.",
                _product_url(product),
            )


# --- categories ----------------------------------------------------------------------------


@register("category-intro-notes", "Categories without an intro or safety notes")
def categories_without_intro_or_notes():
    for category in Category.objects.prefetch_related("safety_notes").order_by("position", "pk"):
        missing = []
        if not category.intro.strip():
            missing.append("an intro")
        if not category.safety_notes.all():
            missing.append("safety notes")
        if missing:
            yield Finding(
                "category-intro-notes",
                category.name,
                f"The category needs {' and '.join(missing)}.",
                reverse("admin:catalog_category_change", args=[category.pk]),
            )

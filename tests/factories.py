"""factory-boy factories. A product gets valid attributes for its category's kind, so
`ProductFactory(category__kind="restraints")` is a complete restraint."""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from catalog.attributes import CategoryKind
from catalog.models import Category, Material, Product, SafetyNote, Severity, StorePage
from core.curators import CURATOR_GROUP
from guides.models import Callout, CalloutItem, Guide, Pick, Section

# A valid value for every attribute, used when the product's kind needs it.
DEFAULT_ATTRIBUTES = {
    "intensity": 1,
    "sensation": "thud",
    "restraint_type": "wrist",
    "quick_release": True,
    "ring_fit": "soft",
    "lubricant_base": "water",
    "thickness": "thin",
    "vibrator_type": "bullet",
    "placement": "external",
    "water_resistance": "waterproof",
    "flared_base": False,
}
EMPTY = {
    name: (None if name in {"intensity", "quick_release", "flared_base"} else "")
    for name in DEFAULT_ATTRIBUTES
}


def _attribute(name):
    return factory.LazyAttribute(
        lambda o: DEFAULT_ATTRIBUTES[name] if name in o.category.attribute_names else EMPTY[name]
    )


class SafetyNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SafetyNote

    text = factory.Sequence(lambda n: f"Safety note number {n}: check in often.")
    severity = Severity.CAUTION


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Material
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Material {n}")
    slug = factory.Sequence(lambda n: f"material-{n}")
    body_safe = True
    contains_latex = False
    is_silicone = False

    class Params:
        silicone = factory.Trait(name="Silicone", slug="silicone", is_silicone=True)
        latex = factory.Trait(name="Natural latex", slug="natural-latex", contains_latex=True)


class CategoryFactory(factory.django.DjangoModelFactory):
    """A category with one safety note unless `safety_notes=[]` is given."""

    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())
    slug = factory.Sequence(lambda n: f"category-{n}")
    kind = CategoryKind.GENERAL
    is_published = True
    intro = "A short introduction."
    position = factory.Sequence(int)

    @factory.post_generation
    def safety_notes(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            self.safety_notes.add(SafetyNoteFactory())
        else:
            self.safety_notes.set(extracted)


def kind_category(kind: str, **fields) -> Category:
    """The category of a kind, named and slugged like the demo's (one per kind and test)."""
    names = {value: label for value, label in CategoryKind.choices}
    defaults = {"slug": kind, "name": names[kind].split(" (")[0], "kind": kind}
    return CategoryFactory(**{**defaults, **fields})


def oil_and_water_lubes() -> None:
    """Two lubricants carrying one note that applies to oil-based lubes only (its text needs
    escaping): the writers' oracle tests show it on the one and not on the other."""
    lube = kind_category("lubricants")
    oil = SafetyNoteFactory(
        severity="warning",
        text='Oil <weakens> latex & "vinyl".',
        condition_attribute="lubricant_base",
        condition_value="oil",
    )
    ProductFactory(category=lube, lubricant_base="oil", safety_notes=[oil], name="Oil lube")
    ProductFactory(category=lube, lubricant_base="water", safety_notes=[oil], name="Water lube")


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    name = factory.Sequence(lambda n: f"Product {n}")
    slug = factory.Sequence(lambda n: f"product-{n}")
    sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    checkout_ref = factory.Sequence(lambda n: f"{9000000 + n}")
    brand = "Test Brand"
    category = factory.SubFactory(CategoryFactory)
    description = "A plain description."
    price = Decimal("20.00")
    stock = 5
    is_published = True
    for_beginner = True
    for_experienced = False

    intensity = _attribute("intensity")
    sensation = _attribute("sensation")
    restraint_type = _attribute("restraint_type")
    quick_release = _attribute("quick_release")
    ring_fit = _attribute("ring_fit")
    lubricant_base = _attribute("lubricant_base")
    thickness = _attribute("thickness")
    vibrator_type = _attribute("vibrator_type")
    placement = _attribute("placement")
    water_resistance = _attribute("water_resistance")
    flared_base = _attribute("flared_base")

    @factory.post_generation
    def materials(self, create, extracted, **kwargs):
        if create and extracted:
            self.materials.set(extracted)

    @factory.post_generation
    def safety_notes(self, create, extracted, **kwargs):
        if create and extracted:
            self.safety_notes.set(extracted)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class CuratorFactory(UserFactory):
    """A staff member in the Curator group, not a superuser."""

    is_staff = True

    @factory.post_generation
    def curator_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=CURATOR_GROUP))


class GuideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guide

    title = factory.Sequence(lambda n: f"Guide number {n}")
    slug = factory.Sequence(lambda n: f"guide-{n}")
    summary = "A short, plain summary of the guide."
    author = "The Safeword editors"
    is_published = True


class SectionFactory(factory.django.DjangoModelFactory):
    """A plain section; `SectionFactory(category=...)` (or `with_category=True`) makes a
    category section that can hold picks."""

    class Meta:
        model = Section

    class Params:
        with_category = factory.Trait(category=factory.SubFactory(CategoryFactory))

    guide = factory.SubFactory(GuideFactory)
    position = factory.Sequence(int)
    heading = factory.Sequence(lambda n: f"Section heading {n}")
    anchor = factory.Sequence(lambda n: f"section-{n}")
    body = "Talk first, start gently and keep **checking in**."
    category = None


class CalloutFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Callout

    section = factory.SubFactory(SectionFactory)
    kind = "tip"
    title = factory.Sequence(lambda n: f"Callout {n}")
    position = factory.Sequence(int)


class CalloutItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalloutItem

    callout = factory.SubFactory(CalloutFactory)
    label = factory.Sequence(lambda n: f"Item {n}")
    text = "Something worth remembering."
    position = factory.Sequence(int)


class PickFactory(factory.django.DjangoModelFactory):
    """A beginner pick of a beginner product in the section's category."""

    class Meta:
        model = Pick

    section = factory.SubFactory(SectionFactory, with_category=True)
    product = factory.SubFactory(
        ProductFactory,
        category=factory.SelfAttribute("..section.category"),
        for_beginner=factory.LazyAttribute(lambda o: o.factory_parent.level == "beginner"),
        for_experienced=factory.LazyAttribute(lambda o: o.factory_parent.level == "experienced"),
    )
    level = "beginner"
    reason = factory.Sequence(lambda n: f"Reason {n}: gentle and easy to undo.")
    position = factory.Sequence(int)


class StorePageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StorePage
        django_get_or_create = ["slug"]

    slug = StorePage.DELIVERY
    title = "Discreet delivery"
    summary = "A plain parcel and a neutral name on your statement."
    body = "Plain parcel.\n\nNeutral billing name."

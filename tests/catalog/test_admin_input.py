"""Tampered admin input is answered with form errors, never a 500: every choice, autocomplete
and relation field of every catalog and guides admin form, on the add and the change page,
and inline formsets that cannot be inflated (catalog/admin_input.py)."""

import pytest
from django import forms
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse

from catalog.admin_input import INLINE_MAX_NUM, GuardedAdminMixin, GuardedInlineMixin
from catalog.models import SearchSynonym
from core.curators import CONTENT_APPS
from guides.models import Section
from tests.factories import (
    CalloutFactory,
    CalloutItemFactory,
    GuideFactory,
    MaterialFactory,
    PickFactory,
    ProductFactory,
    SafetyNoteFactory,
    StorePageFactory,
)

pytestmark = pytest.mark.django_db

TAMPERED = ["abc", "99999999999999999999", "1.5\x00"]
CHOICE_FIELDS = (forms.ChoiceField, forms.ModelChoiceField, forms.ModelMultipleChoiceField)


def content_admins():
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in CONTENT_APPS and model._meta.app_label != "finder"
    ]


def test_every_content_admin_and_inline_is_guarded():
    assert {model._meta.model_name for model, _ in content_admins()} >= {
        "product",
        "category",
        "material",
        "safetynote",
        "guide",
        "section",
        "callout",
        "pick",
        "searchsynonym",
    }
    for model, model_admin in content_admins():
        assert isinstance(model_admin, GuardedAdminMixin), model
        for inline in model_admin.inlines:
            assert issubclass(inline, GuardedInlineMixin), inline
            assert inline.max_num == INLINE_MAX_NUM


@pytest.fixture
def one_of_each():
    pick = PickFactory()
    callout = CalloutFactory(section=pick.section)
    CalloutItemFactory(callout=callout)
    product = pick.product
    product.materials.add(MaterialFactory())
    product.safety_notes.add(SafetyNoteFactory())
    return {
        "product": product,
        "category": product.category,
        "material": product.materials.first(),
        "safetynote": product.safety_notes.first(),
        "guide": pick.section.guide,
        "section": pick.section,
        "callout": callout,
        "pick": pick,
        "storepage": StorePageFactory(),
        "searchsynonym": SearchSynonym.objects.create(term="lube", replacements="lubricant"),
    }


def choice_fields(model_admin, user, obj) -> list[str]:
    request = RequestFactory().get("/")
    request.user = user
    form_class = model_admin.get_form(request, obj, change=obj is not None)
    fields = form_class.base_fields.items()
    return [name for name, field in fields if isinstance(field, CHOICE_FIELDS)]


def test_tampered_choices_and_autocomplete_values_come_back_as_form_errors(curator, one_of_each):
    client = Client(raise_request_exception=True)
    client.force_login(curator)
    checked = set()
    for model, model_admin in content_admins():
        name = model._meta.model_name
        obj = one_of_each[name]
        pages = [
            (reverse(f"admin:{model._meta.app_label}_{name}_add"), None),
            (reverse(f"admin:{model._meta.app_label}_{name}_change", args=[obj.pk]), obj),
        ]
        for url, instance in pages:
            fields = choice_fields(model_admin, curator, instance)
            for value in TAMPERED:  # every field tampered at once: each widget re-renders it
                response = client.post(url, {field: [value] for field in fields})
                assert response.status_code == 200, (url, value)
                assert "errornote" in response.content.decode(), (url, value)
                refused = set(response.context["adminform"].form.errors)
                assert set(fields) <= refused, (url, value, set(fields) - refused)
            checked.update(f"{name}.{field}" for field in fields)
    assert {
        "product.category",
        "product.materials",
        "product.safety_notes",
        "category.safety_notes",
        "category.kind",
        "section.category",
        "section.guide",
        "pick.product",
        "pick.level",
        "callout.section",
    } <= checked


def guide_form(guide, **sections) -> dict:
    return {
        "title": guide.title,
        "slug": guide.slug,
        "summary": guide.summary,
        "author": guide.author,
        "level": guide.level,
        "position": "1",
        "is_published": "on",
        "sections-TOTAL_FORMS": "0",
        "sections-INITIAL_FORMS": "0",
        "sections-MIN_NUM_FORMS": "0",
        "sections-MAX_NUM_FORMS": "1000",
        **sections,
    }


def test_a_tampered_section_category_in_the_guide_page_is_a_form_error(curator_client):
    guide = GuideFactory()
    data = guide_form(
        guide,
        **{
            "sections-TOTAL_FORMS": "1",
            "sections-0-position": "1",
            "sections-0-heading": "Restraints",
            "sections-0-anchor": "restraints",
            "sections-0-category": "abc",
            "sections-0-body": "Text.",
        },
    )
    response = curator_client.post(reverse("admin:guides_guide_add"), {**data, "slug": "new"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Section.objects.filter(heading="Restraints").exists()


@pytest.mark.parametrize("total", ["51", "1000", "100000000"])
def test_an_inflated_section_count_is_refused_at_once(
    curator_client, total, django_assert_max_num_queries
):
    guide = GuideFactory()
    data = guide_form(guide, **{"sections-TOTAL_FORMS": total})
    with django_assert_max_num_queries(25):  # not a query or a form per claimed section
        response = curator_client.post(reverse("admin:guides_guide_add"), {**data, "slug": "x"})
    assert response.status_code == 200
    assert f"Please submit at most {INLINE_MAX_NUM} forms." in response.content.decode()
    assert not Section.objects.exists() or Section.objects.filter(guide__slug="x").count() == 0


def test_fifty_sections_are_still_accepted(curator_client):
    guide = GuideFactory()
    sections = {"sections-TOTAL_FORMS": str(INLINE_MAX_NUM)}
    for i in range(INLINE_MAX_NUM):
        sections.update(
            {
                f"sections-{i}-position": str(i),
                f"sections-{i}-heading": f"Part {i}",
                f"sections-{i}-anchor": f"part-{i}",
                f"sections-{i}-body": "Text.",
            }
        )
    data = guide_form(guide, **sections)
    response = curator_client.post(reverse("admin:guides_guide_add"), {**data, "slug": "long"})
    assert response.status_code == 302
    assert Section.objects.filter(guide__slug="long").count() == INLINE_MAX_NUM


def test_an_inflated_editable_changelist_is_refused(curator_client):
    ProductFactory()  # a category to list
    data = {"form-TOTAL_FORMS": "100000", "form-INITIAL_FORMS": "0", "_save": "Save"}
    response = curator_client.post(reverse("admin:catalog_category_changelist"), data)
    assert response.status_code == 200
    assert "Please submit at most 100 forms." in response.content.decode()

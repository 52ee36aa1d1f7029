"""The finder flow at /finder/ and its JSON API at /finder/api/.

Answers travel only in POST bodies: each step posts every answer so far (the earlier ones as
hidden fields), re-validated by the form every time. Nothing is stored server-side (no
session, no database row) or logged, and every response is `Cache-Control: no-store`.
"""

import json
from dataclasses import dataclass

from django import forms
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from catalog.attributes import RestraintType, RingFit, Sensation, VibratorType
from catalog.finder import PREFERENCE_ANSWERS, Answers, preferences_for, recommend
from catalog.finder.serializers import recommendations_object
from catalog.models import Category, Level
from guides.selectors import section_urls_for_categories

from .forms import LEVEL_CHOICES, MAX_CATEGORIES, StepAnswersForm, form_from_json


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    fields: tuple[str, ...]


STEPS = (
    Step(1, "Your experience", ("level",)),
    Step(2, "What interests you", ("categories",)),
    Step(3, "Your preferences", PREFERENCE_ANSWERS),
    Step(
        4,
        "Budget and safety",
        ("budget", "latex_allergy", "owns_silicone_toys", "uses_latex_condoms"),
    ),
)
RESULTS = len(STEPS) + 1
STEP_OF_FIELD = {name: step.number for step in STEPS for name in step.fields}
# What "Skip" on a step leaves: the sensible default (new to this), otherwise no answer.
SKIP_DEFAULTS = {"level": Level.BEGINNER}


class NavigationForm(forms.Form):
    step = forms.TypedChoiceField(choices=[(n, n) for n in range(1, RESULTS + 1)], coerce=int)
    action = forms.ChoiceField(
        choices=[("next", "Next"), ("skip", "Skip"), ("back", "Back")], required=False
    )


def guide_links_for(category_ids) -> dict[int, str]:
    """Category id -> URL of the guide section about it (published guides only)."""
    return section_urls_for_categories(category_ids)


def answer_fields(answers: Answers) -> list[tuple[str, str]]:
    """The answers as (name, value) pairs for hidden inputs, as the form reads them back."""
    pairs = [("level", answers.level)]
    pairs += [("categories", slug) for slug in answers.categories]
    if answers.intensity is not None:
        pairs.append(("intensity", str(answers.intensity)))
    for name in ("sensation", "restraint_type", "ring_fit", "vibrator_type"):
        if getattr(answers, name):
            pairs.append((name, getattr(answers, name)))
    if answers.budget is not None:
        pairs.append(("budget", f"{answers.budget:.2f}"))
    for name in ("latex_allergy", "owns_silicone_toys", "uses_latex_condoms"):
        if getattr(answers, name):
            pairs.append((name, "on"))
    return pairs


def answer_summary(answers: Answers, categories) -> list[tuple[str, str]]:
    """The answers in plain words, for the results page (shown, never stored)."""
    rows = [("Experience", dict(LEVEL_CHOICES)[answers.level])]
    chosen = [c.name for c in categories if c.slug in answers.categories]
    rows.append(("Interested in", ", ".join(chosen) if chosen else "A bit of everything"))
    labels = {
        "intensity": ("Impact intensity", lambda v: f"{v} of 5"),
        "sensation": ("Impact feeling", lambda v: Sensation(v).label),
        "restraint_type": ("Restraints", lambda v: RestraintType(v).label),
        "ring_fit": ("Ring fit", lambda v: RingFit(v).label),
        "vibrator_type": ("Vibrator type", lambda v: VibratorType(v).label),
    }
    for name, (label, show) in labels.items():
        value = getattr(answers, name)
        if value not in (None, ""):
            rows.append((label, show(value)))
    rows.append(("Budget", "No limit" if answers.budget is None else f"£{answers.budget:.2f}"))
    flags = [
        text
        for name, text in (
            ("latex_allergy", "latex allergy"),
            ("owns_silicone_toys", "silicone toys at home"),
            ("uses_latex_condoms", "latex condoms"),
        )
        if getattr(answers, name)
    ]
    if flags:
        rows.append(("Safety", ", ".join(flags).capitalize()))
    return rows


# The flow only reads: every step recomputes from the answers in the POST body and nothing is
# stored, so there is nothing for a forged request to change and no CSRF token is needed. That
# keeps tokens out of the guide pages' "find your starter kit" forms, so those pages can be
# served from the shared page cache (shop/page_cache.py never stores a page holding a token).
@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(never_cache, name="dispatch")
class FinderView(View):
    step_template = "finder/step.html"
    results_template = "finder/results.html"

    def get(self, request):
        return self.render_step(1, StepAnswersForm(initial={"level": Level.BEGINNER}))

    def post(self, request):
        if "step" not in request.POST:
            return self.start(request.POST.getlist("categories"))
        navigation = NavigationForm(request.POST)
        if not navigation.is_valid():
            return render(request, "400.html", status=400)
        step = navigation.cleaned_data["step"]
        action = navigation.cleaned_data["action"] or "next"
        data = request.POST.copy()
        if action == "skip" and step < RESULTS:
            for name in STEPS[step - 1].fields:
                data.pop(name, None)
                if name in SKIP_DEFAULTS:
                    data[name] = SKIP_DEFAULTS[name]
        form = StepAnswersForm(data)
        form.is_valid()
        preferences = self.relevant_preferences(form)
        error_steps = sorted({STEP_OF_FIELD.get(name, 1) for name in form.errors})

        if action == "back":
            target = step - 1 if step > 1 else 1
            if target == 3 and not preferences:
                target = 2
            return self.render_step(target, form, preferences)
        blocking = [number for number in error_steps if number <= step]
        if blocking:
            return self.render_step(blocking[0], form, preferences)
        target = min(step + 1, RESULTS)
        if target == 3 and not preferences:
            target = 4
        if target < RESULTS:
            return self.render_step(target, form, preferences)
        if error_steps:
            return self.render_step(error_steps[0], form, preferences)
        return self.render_results(form)

    def start(self, slugs):
        """`POST /finder/` with `categories=<slug>` and no step: step 1, those preselected."""
        known = list(
            Category.objects.filter(slug__in=slugs[:MAX_CATEGORIES])
            .order_by("position", "name")
            .values_list("slug", flat=True)
        )
        form = StepAnswersForm(initial={"level": Level.BEGINNER, "categories": known})
        return self.render_step(1, form)

    def relevant_preferences(self, form) -> tuple[str, ...]:
        chosen = form.cleaned_data.get("categories") if hasattr(form, "cleaned_data") else None
        if chosen:
            kinds = {category.kind for category in chosen}
        else:
            kinds = set(Category.objects.values_list("kind", flat=True).distinct())
        return preferences_for(kinds)

    def render_step(self, number, form, preferences=None):
        step = STEPS[number - 1]
        if number == 3:
            if preferences is None:
                preferences = self.relevant_preferences(form)
            visible = preferences
        else:
            visible = step.fields
        context = {
            "form": form,
            "step": step,
            "steps": STEPS,
            "step_count": len(STEPS),
            "visible_fields": [form[name] for name in visible],
            "hidden_fields": [form[name] for name in form.fields if name not in visible],
            "is_last": number == len(STEPS),
        }
        return render(self.request, self.step_template, context)

    def render_results(self, form):
        answers = form.answers()
        recommendations = recommend(answers)
        links = guide_links_for([result.category.pk for result in recommendations.results])
        sections = [(result, links.get(result.category.pk)) for result in recommendations.results]
        retries = {
            result.category.pk: answer_fields(result.empty.retry)
            for result in recommendations.results
            if result.empty and result.empty.retry
        }
        context = {
            "recommendations": recommendations,
            "sections": [
                (result, url, retries.get(result.category.pk)) for result, url in sections
            ],
            "guide_links": links,
            "answer_fields": answer_fields(answers),
            "summary": answer_summary(answers, form.cleaned_data["categories"]),
            "results_step": RESULTS,
            "steps": STEPS,
        }
        return render(self.request, self.results_template, context)


def _reject_constant(name):
    raise ValueError(f"{name} is not allowed")


@csrf_exempt
@never_cache
def api(request):
    """`POST /finder/api/` with a JSON object of answers; see README, "Finder API"."""
    if request.method != "POST":
        response = JsonResponse(
            {"errors": {"__all__": ["Send the answers with POST, as a JSON object."]}},
            status=405,
        )
        response["Allow"] = "POST"
        return response
    try:
        payload = json.loads(request.body, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return JsonResponse({"errors": {"__all__": ["The body is not valid JSON."]}}, status=400)
    form, errors = form_from_json(payload)
    if form is not None and not form.is_valid():
        errors = {name: list(messages) for name, messages in form.errors.items()}
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    return JsonResponse(recommendations_object(recommend(form.answers())))

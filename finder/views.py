"""The finder flow at /finder/ and its JSON API at /finder/api/.

Answers travel only in POST bodies: each step posts every answer so far (the earlier ones as
hidden fields), re-validated by the form every time (the API reads a plainly valid body
without the form, exactly as the form would: `plain_answers`). Nothing is stored server-side (no
session, no database row) or logged, and every response is `Cache-Control: no-store`.
"""

import json
import time
from dataclasses import dataclass
from functools import cache, wraps

from django import forms
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.http import http_date
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from catalog.attributes import RestraintType, RingFit, Sensation, Thickness, VibratorType
from catalog.models import Category, Level
from finder.logic import Answers, preferences_for, recommend
from finder.serializers import recommendations_json
from guides.selectors import section_urls_for_categories

from . import flow
from .flow import RESULTS, STEPS
from .forms import LEVEL_CHOICES, MAX_CATEGORIES, StepAnswersForm, form_from_json, level_field
from .plain_answers import plain_answers


class NavigationForm(forms.Form):
    step = forms.TypedChoiceField(choices=[(n, n) for n in range(1, RESULTS + 1)], coerce=int)
    action = forms.ChoiceField(
        choices=[(action, action.capitalize()) for action in flow.ACTIONS], required=False
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
    for name in ("sensation", "restraint_type", "ring_fit", "vibrator_type", "lube_thickness"):
        if getattr(answers, name):
            pairs.append((name, getattr(answers, name)))
    pairs += [(level_field(slug), level) for slug, level in answers.levels]
    if answers.budget is not None:
        pairs.append(("budget", f"{answers.budget:.2f}"))
    for name in (*flow.SAFETY_FIELDS, "anal_play"):
        if getattr(answers, name):
            pairs.append((name, "on"))
    return pairs


def answer_summary(answers: Answers, categories) -> list[tuple[str, str]]:
    """The answers in plain words, for the results page (shown, never stored)."""
    rows = [("Experience", dict(LEVEL_CHOICES)[answers.level])]
    names = {c.slug: c.name for c in categories}
    for slug, level in answers.levels:
        if slug in names:
            rows.append((f"Experience with {names[slug].lower()}", dict(LEVEL_CHOICES)[level]))
    chosen = [c.name for c in categories if c.slug in answers.categories]
    rows.append(("Interested in", ", ".join(chosen) if chosen else "A bit of everything"))
    labels = {
        "intensity": ("Impact intensity", lambda v: f"{v} of 5"),
        "sensation": ("Impact feeling", lambda v: Sensation(v).label),
        "restraint_type": ("Restraints", lambda v: RestraintType(v).label),
        "ring_fit": ("Ring fit", lambda v: RingFit(v).label),
        "vibrator_type": ("Vibrator type", lambda v: VibratorType(v).label),
        "lube_thickness": ("Lube", lambda v: Thickness(v).label),
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
            ("anal_play", "anal play"),
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
        if action == "skip":
            names, defaults = flow.skip(step, list(data))
            for name in names:
                data.pop(name, None)
            data.update(defaults)
        form = StepAnswersForm(data)
        form.is_valid()
        preferences = self.relevant_preferences(form)
        error_steps = {flow.step_of(name) for name in form.errors}
        target = flow.next_screen(step, action, error_steps, bool(preferences))
        if target == RESULTS:
            return self.render_results(form)
        return self.render_step(target, form, preferences)

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
        """The questions of the preferences step: the preferences that matter for the chosen
        categories, and the customer's experience with each of them."""
        chosen = form.cleaned_data.get("categories") if hasattr(form, "cleaned_data") else None
        if not chosen:
            return ()
        levels = tuple(level_field(category.slug) for category in chosen)
        return preferences_for({category.kind for category in chosen}) + levels

    def render_step(self, number, form, preferences=None):
        step = STEPS[number - 1]
        if number == flow.PREFERENCES and preferences is None:
            preferences = self.relevant_preferences(form)
        visible = flow.visible_fields(number, preferences or ())
        context = {
            "form": form,
            "step": step,
            "steps": STEPS,
            "step_count": len(STEPS),
            "visible_fields": [form[name] for name in visible],
            "hidden_fields": [form[name] for name in form.fields if name not in visible],
            "is_last": number == len(STEPS),
            # A visit, not an answer: the page's script forgets answers kept from before.
            "fresh_start": self.request.method == "GET",
        }
        return render(self.request, self.step_template, context)

    def render_results(self, form):
        answers = form.answers()
        recommendations = recommend(answers, form.chosen_categories())
        links = guide_links_for([result.category.pk for result in recommendations.results])
        context = {
            "recommendations": recommendations,
            "sections": [
                Section(result, links.get(result.category.pk)) for result in recommendations.results
            ],
            "guide_links": links,
            "answer_fields": answer_fields(answers),
            "summary": answer_summary(answers, form.cleaned_data["categories"]),
            "results_step": RESULTS,
            "steps": STEPS,
        }
        return render(self.request, self.results_template, context)


@dataclass(frozen=True)
class Section:
    """One chosen category on the results page: the result and the guide link. An empty
    category gets its message and the guide link, never a button: only safety answers
    empty a category, and they are never relaxed (finder/logic/emptiness.py)."""

    result: object
    guide_url: str | None


def _reject_constant(name):
    raise ValueError(f"{name} is not allowed")


# `json.loads(body, parse_constant=_reject_constant)` makes a decoder for every call: the API
# keeps one (`read_json`).
_decoder = json.JSONDecoder(parse_constant=_reject_constant)


def read_json(body: bytes):
    """`json.loads(body, parse_constant=_reject_constant)` with the one decoder: the bytes
    decoded as `json.loads` decodes them (UTF-8, -16 or -32, told apart by their first
    bytes), then parsed."""
    return _decoder.decode(body.decode(json.detect_encoding(body), "surrogatepass"))


@cache
def never_cache_control() -> str:
    """The Cache-Control that `never_cache` gives a response without one, written by Django
    (once per process, at the first answer)."""
    response = HttpResponse()
    add_never_cache_headers(response)
    return response["Cache-Control"]


def never_cached(view):
    """`never_cache` for the API's responses, which set no caching headers of their own: the
    same headers in the same order (Expires now, then Cache-Control), the Cache-Control
    value written by Django once per process rather than parsed and written again for every
    request (~50 us of the API's CPU a request)."""

    @wraps(view)
    def view_never_cached(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers["Expires"] = http_date(time.time())
        response.headers["Cache-Control"] = never_cache_control()
        return response

    return view_never_cached


def _recommendations_response(recommendations) -> HttpResponse:
    """The API's answer: the JSON text `JsonResponse` would write for it (`serializers`)."""
    return HttpResponse(recommendations_json(recommendations), content_type="application/json")


@csrf_exempt
@never_cached
def api(request):
    """`POST /finder/api/` with a JSON object of answers; see docs/api.md."""
    if request.method != "POST":
        response = JsonResponse(
            {"errors": {"__all__": ["Send the answers with POST, as a JSON object."]}},
            status=405,
        )
        response["Allow"] = "POST"
        return response
    try:
        payload = read_json(request.body)
    except (ValueError, RecursionError):
        return JsonResponse({"errors": {"__all__": ["The body is not valid JSON."]}}, status=400)
    plain = plain_answers(payload)
    if plain is not None:  # plainly valid: read as the form would, without it
        return _recommendations_response(recommend(*plain))
    form, errors = form_from_json(payload)
    if form is not None and not form.is_valid():
        errors = {}
        for name, messages in form.errors.items():
            # The per-category levels arrive as one object: report them under its name.
            key = "levels" if name.startswith("level_") else name
            errors.setdefault(key, []).extend(messages)
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    return _recommendations_response(recommend(form.answers(), form.chosen_categories()))

"""The finder's answers as Django forms: one set of fields for the steps and for the API.

Answers travel only in POST bodies. Every step re-validates every answer with `AnswersForm`
(the earlier ones ride along as hidden fields), and the JSON API feeds the same form after a
strict type check, so both paths share one set of rules and messages. (A plainly valid JSON
body is read without the form, exactly as the form reads it: `finder/plain_answers.py`.)
"""

from decimal import Decimal

from django import forms

from catalog.attributes import (
    INTENSITY_LABELS,
    INTENSITY_MAX,
    INTENSITY_MIN,
    CategoryKind,
    RestraintType,
    RingFit,
    Sensation,
    Thickness,
    VibratorType,
)
from catalog.beginner_rules import BEGINNER_MAX_INTENSITY, BEGINNER_RING_FITS
from catalog.models import Category, Level
from finder.logic import Answers
from finder.logic.index import shop_categories

MAX_BUDGET = Decimal("100000")
MAX_CATEGORIES = 50
NO_PREFERENCE = ("", "No preference")

LEVEL_CHOICES = [
    (Level.BEGINNER, "I'm new to this"),
    (Level.EXPERIENCED, "I have some experience"),
]
INTENSITY_CHOICES = [
    (value, f"{value} of 5: {label.lower()}") for value, label in INTENSITY_LABELS.items()
]
RESTRAINT_CHOICES = [
    (value, label) for value, label in RestraintType.choices if value != RestraintType.SAFETY_SHEARS
]


def level_field(slug: str) -> str:
    """The form field that asks the customer's experience with one category."""
    return f"level_{slug}"


def _category_choices():
    return [(category.slug, category.name) for category in shop_categories()]


def level_fields(categories) -> dict[str, forms.Field]:
    """The question of the customer's experience with each of these categories."""
    return {
        level_field(category.slug): forms.ChoiceField(
            label=f"{category.name}: your experience",
            choices=[("", "As above"), *LEVEL_CHOICES],
            required=False,
            widget=forms.RadioSelect,
            error_messages={"invalid_choice": "Choose “beginner” or “experienced”."},
        )
        for category in categories
    }


class CategoryChoiceField(forms.MultipleChoiceField):
    """Category slugs in, the chosen categories out (in shop order). Checked against the
    shop's categories as the finder's index holds them for the content version, so a warm
    index answers without a query (the choices are only listed to render the checkboxes)."""

    def __init__(self, **kwargs):
        super().__init__(choices=_category_choices, **kwargs)

    def clean(self, value):
        slugs = self.to_python(value)
        if self.required and not slugs:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        categories = shop_categories()
        known = {category.slug for category in categories}
        for slug in slugs:
            if slug not in known:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": slug},
                )
        self.run_validators(slugs)
        return [category for category in categories if category.slug in set(slugs)]


class AnswersForm(forms.Form):
    level = forms.ChoiceField(
        label="How much experience do you have?",
        choices=LEVEL_CHOICES,
        initial=Level.BEGINNER,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Tell us whether you are new to this or experienced.",
            "invalid_choice": "Choose “beginner” or “experienced”.",
        },
    )
    categories = CategoryChoiceField(
        label="What would you like to explore?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose one or more. Choose none and we will suggest something from each.",
        error_messages={
            "invalid_choice": "There is no category called “%(value)s”.",
            "invalid_list": "Send the categories as a list of category slugs.",
        },
    )
    intensity = forms.TypedChoiceField(
        label="Impact: how intense?",
        choices=[NO_PREFERENCE, *INTENSITY_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": f"Choose an intensity from {INTENSITY_MIN} (very gentle) "
            f"to {INTENSITY_MAX} (intense)."
        },
    )
    sensation = forms.ChoiceField(
        label="Impact: which feeling?",
        choices=[NO_PREFERENCE, *Sensation.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text="Thud is deep and spread out; sting is sharper, on the surface.",
    )
    restraint_type = forms.ChoiceField(
        label="Restraints: which kind?",
        choices=[NO_PREFERENCE, *RESTRAINT_CHOICES],
        required=False,
        widget=forms.RadioSelect,
    )
    ring_fit = forms.ChoiceField(
        label="Cock rings: which fit?",
        choices=[NO_PREFERENCE, *RingFit.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    vibrator_type = forms.ChoiceField(
        label="Vibrators: which type?",
        choices=[NO_PREFERENCE, *VibratorType.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    lube_thickness = forms.ChoiceField(
        label="Lubricants: thin or thick?",
        choices=[NO_PREFERENCE, *Thickness.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text="Thick lube stays put and cushions: rough play and anal play want it.",
    )
    budget = forms.DecimalField(
        label="Total budget (£)",
        required=False,
        min_value=Decimal("0"),
        max_value=MAX_BUDGET,
        max_digits=8,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01", "min": "0"}),
        help_text="For everything together. Leave it empty for no limit.",
        error_messages={
            "invalid": "Enter the budget as a number of pounds, like 60 or 59.99.",
            "min_value": "The budget cannot be negative.",
            "max_value": "Enter a budget of at most £100,000.",
            "max_digits": "Enter a budget of at most £100,000.",
            "max_decimal_places": "Use at most two decimal places (pence).",
        },
    )
    latex_allergy = forms.BooleanField(
        label="Someone who will use them has a latex allergy", required=False
    )
    owns_silicone_toys = forms.BooleanField(label="I own silicone toys", required=False)
    uses_latex_condoms = forms.BooleanField(label="I use latex condoms", required=False)
    anal_play = forms.BooleanField(
        label="Anal play may be part of it",
        required=False,
        help_text="Then we suggest thick lube, never a numbing one, and only toys with a "
        "flared base for inside.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Experience per category: one optional question for each of the shop's categories
        # (the flow shows those of the chosen categories; empty means "as above").
        self.fields.update(self.level_fields(shop_categories()))

    def level_fields(self, categories) -> dict[str, forms.Field]:
        return level_fields(categories)

    def clean_categories(self):
        categories = self.cleaned_data["categories"]
        if len(categories) > MAX_CATEGORIES:
            raise forms.ValidationError("Choose fewer categories.")
        return categories

    def answers(self) -> Answers:
        """The validated answers (call after is_valid())."""
        data = self.cleaned_data
        return Answers(
            level=data["level"],
            categories=tuple(category.slug for category in data["categories"]),
            intensity=data["intensity"],
            sensation=data["sensation"],
            restraint_type=data["restraint_type"],
            ring_fit=data["ring_fit"],
            vibrator_type=data["vibrator_type"],
            lube_thickness=data["lube_thickness"],
            budget=data["budget"],
            latex_allergy=data["latex_allergy"],
            owns_silicone_toys=data["owns_silicone_toys"],
            uses_latex_condoms=data["uses_latex_condoms"],
            anal_play=data["anal_play"],
            levels=tuple(
                (category.slug, data[level_field(category.slug)])
                for category in shop_categories()
                if data.get(level_field(category.slug))
            ),
        )

    def chosen_categories(self) -> list[Category] | None:
        """The chosen categories as validation found them, in shop order (the finder's
        `recommend` takes them to save looking them up again); None when none was chosen."""
        return list(self.cleaned_data["categories"]) or None


class StepAnswersForm(AnswersForm):
    """The answers as the steps ask them: a beginner is only offered the gentle end of the
    intensity scale and soft or adjustable rings (the hard rules would hide the rest)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The flow assumes nothing: it asks what to explore rather than suggesting it all.
        self.fields["categories"].required = True
        self.fields["categories"].error_messages["required"] = (
            "Choose at least one thing you would like to explore."
        )
        self.fields["categories"].help_text = "Choose one or more."
        if self._beginner_in(CategoryKind.IMPACT):
            intensity = self.fields["intensity"]
            intensity.choices = [
                NO_PREFERENCE,
                *[(v, label) for v, label in INTENSITY_CHOICES if v <= BEGINNER_MAX_INTENSITY],
            ]
            intensity.help_text = (
                "New to impact? We only show the gentle end of the scale "
                f"(1 or {BEGINNER_MAX_INTENSITY} of 5). Start lighter than you think."
            )
            intensity.error_messages["invalid_choice"] = (
                f"Beginners start at the gentle end: choose 1 or {BEGINNER_MAX_INTENSITY}, "
                "or no preference."
            )
        if self._beginner_in(CategoryKind.COCK_RINGS):
            ring_fit = self.fields["ring_fit"]
            ring_fit.choices = [
                NO_PREFERENCE,
                *[(v, label) for v, label in RingFit.choices if v in BEGINNER_RING_FITS],
            ]
            ring_fit.help_text = "New to rings? Soft, stretchy or adjustable rings come off easily."
            ring_fit.error_messages["invalid_choice"] = (
                "Beginners start with a soft, stretchy or adjustable ring."
            )

    def _beginner_in(self, kind: str) -> bool:
        """Is the customer new to this kind of category (its own level, else the overall)?"""
        data = self.data if self.is_bound else self.initial
        level = data.get("level")
        for category in shop_categories():
            if category.kind == kind:
                return (data.get(level_field(category.slug)) or level) == Level.BEGINNER
        return level == Level.BEGINNER


# --- the JSON API --------------------------------------------------------------------------


class SharedFields(dict):
    """A form's fields that its instances share instead of each deep-copying them (Django
    copies `base_fields` for every form, in case one changes its fields): for forms that
    only validate, since validating never changes a field."""

    def __deepcopy__(self, memo):
        return SharedFields(self)


class JsonAnswersForm(AnswersForm):
    """`AnswersForm` as the JSON API binds it: the same fields, rules and messages, but made
    once per process (the per-category ones once per set of categories) and shared by the
    requests, which only validate with them (~1 ms a request less). Nothing changes them: the
    steps' form (`StepAnswersForm`), which does, copies its own. The categories come from the
    finder's index for the content version read this request, so never stale; the fields hold
    the shop's categories, never an answer."""

    _levels: tuple[tuple, dict] = ((), {})  # (slugs and names, their fields): the last made

    def level_fields(self, categories) -> dict[str, forms.Field]:
        key = tuple((category.slug, category.name) for category in categories)
        made_for, fields = JsonAnswersForm._levels
        if made_for != key:
            fields = level_fields(categories)
            JsonAnswersForm._levels = (key, fields)
        return fields


JsonAnswersForm.base_fields = SharedFields(JsonAnswersForm.base_fields)


# field -> (what the JSON value must be, how to say so)
JSON_TYPES = {
    "level": ((str,), "Send the level as a string: “beginner” or “experienced”."),
    "categories": ((list,), "Send the categories as a list of category slugs."),
    "intensity": ((int,), "Send the intensity as a whole number from 1 to 5."),
    "sensation": ((str,), "Send the sensation as a string."),
    "restraint_type": ((str,), "Send the restraint type as a string."),
    "ring_fit": ((str,), "Send the ring fit as a string."),
    "vibrator_type": ((str,), "Send the vibrator type as a string."),
    "lube_thickness": ((str,), "Send the lube thickness as a string: “thin” or “thick”."),
    "levels": ((dict,), "Send the levels as an object of category slug to level."),
    "budget": ((str, int, float), "Send the budget as a number or a decimal string."),
    "latex_allergy": ((bool,), "Send true or false."),
    "owns_silicone_toys": ((bool,), "Send true or false."),
    "uses_latex_condoms": ((bool,), "Send true or false."),
    "anal_play": ((bool,), "Send true or false."),
}


def form_from_json(payload) -> tuple[JsonAnswersForm | None, dict[str, list[str]]]:
    """Check a decoded JSON body strictly (types, unknown fields), then hand it to
    AnswersForm. Returns the bound form, or None with the errors."""
    if not isinstance(payload, dict):
        return None, {"__all__": ["Send a JSON object of answers."]}
    errors: dict[str, list[str]] = {}
    data: dict = {}
    for name, value in payload.items():
        if name not in JSON_TYPES:
            errors[name] = ["Unknown field."]
            continue
        if value is None:
            continue  # null means "no answer"
        types, message = JSON_TYPES[name]
        if name == "intensity" and isinstance(value, float) and value.is_integer():
            value = int(value)  # JSON has one kind of number: 2.0 is the whole number 2
        if isinstance(value, bool) and bool not in types:
            errors[name] = [message]  # true is an int in Python, never an intensity
        elif not isinstance(value, types):
            errors[name] = [message]
        elif name == "categories" and not all(isinstance(slug, str) for slug in value):
            errors[name] = ["Send the categories as a list of category slugs."]
        elif name == "categories" and len(value) > MAX_CATEGORIES:
            errors[name] = ["Choose fewer categories."]
        elif name == "budget" and isinstance(value, float):
            data[name] = repr(value)
        elif name == "levels":
            known = {category.slug for category in shop_categories()}
            for slug, level in value.items():
                if slug not in known:
                    errors.setdefault(name, []).append(f"There is no category called “{slug}”.")
                elif not isinstance(level, str):
                    errors.setdefault(name, []).append(
                        "Send each level as a string: “beginner” or “experienced”."
                    )
                else:
                    data[level_field(slug)] = level
        else:
            data[name] = value
    if errors:
        return None, errors
    return JsonAnswersForm(data), {}

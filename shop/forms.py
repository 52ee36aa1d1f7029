"""The age gate's forms: a date of birth (the default) or a yes/no confirmation.

Both give `cleaned_data["old_enough"]` and nothing else: the date of birth is used to work
out the answer and then dropped, so no code after the form can store or log it.
"""

import datetime
from typing import NamedTuple

from django import forms
from django.conf import settings

from core import age_gate


class DatePart(NamedTuple):
    name: str
    label: str
    autocomplete: str
    smallest: int
    largest: int
    invalid: str
    out_of_range: str


DATE_PARTS = {
    "d": DatePart(
        "day", "Day", "bday-day", 1, 31,
        "Enter the day as a number, like 7.", "The day must be between 1 and 31.",
    ),
    "m": DatePart(
        "month", "Month", "bday-month", 1, 12,
        "Enter the month as a number, like 3 for March.", "The month must be between 1 and 12.",
    ),
    "y": DatePart(
        "year", "Year", "bday-year", 1000, 9999,
        "Enter the year as a number, like 1990.", "Enter the year as four digits, like 1990.",
    ),
}  # fmt: skip


def date_part_field(part: DatePart) -> forms.IntegerField:
    return forms.IntegerField(
        label=part.label,
        min_value=part.smallest,
        max_value=part.largest,
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": part.autocomplete,
                "class": f"date-input date-input--{part.name}",
            }
        ),
        error_messages={
            "required": f"Enter the {part.name}.",
            "invalid": part.invalid,
            "min_value": part.out_of_range,
            "max_value": part.out_of_range,
        },
    )


class DateOfBirthForm(forms.Form):
    """Day, month and year, in the order `settings.AGE_GATE_DOB_ORDER` gives ("dmy", "mdy"...)."""

    mode = "dob"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for letter in settings.AGE_GATE_DOB_ORDER:
            part = DATE_PARTS[letter]
            self.fields[part.name] = date_part_field(part)

    @property
    def hint(self) -> str:
        example = {"d": "27", "m": "3", "y": "1990"}
        return "For example, " + " ".join(example[x] for x in settings.AGE_GATE_DOB_ORDER) + "."

    def clean(self):
        cleaned = super().clean()
        if any(name not in cleaned for name in ("day", "month", "year")):
            return {}  # each missing or malformed part already has its own message
        try:
            birth_date = datetime.date(cleaned["year"], cleaned["month"], cleaned["day"])
        except ValueError:
            raise forms.ValidationError(
                "That date does not exist. Check the day and the month.", code="impossible"
            ) from None
        today = age_gate.today()
        if birth_date > today:
            raise forms.ValidationError(
                "That date is in the future. Enter the date you were born.", code="future"
            )
        if age_gate.age_on(today, birth_date) > age_gate.OLDEST_PLAUSIBLE_AGE:
            raise forms.ValidationError(
                f"That would make you older than {age_gate.OLDEST_PLAUSIBLE_AGE}. Check the year.",
                code="too_old",
            )
        # Only the answer survives the form: the date itself is not kept anywhere.
        return {"old_enough": age_gate.is_old_enough(birth_date)}


class ConfirmAgeForm(forms.Form):
    """Two buttons: "I am 18 or older" and "I am not"."""

    mode = "confirm"
    YES, NO = "yes", "no"

    answer = forms.ChoiceField(
        choices=[(YES, "Yes"), (NO, "No")],
        error_messages={
            "required": "Choose one of the two answers.",
            "invalid_choice": "Choose one of the two answers.",
        },
    )

    def clean(self):
        cleaned = super().clean()
        if "answer" not in cleaned:
            return {}
        return {"old_enough": cleaned["answer"] == self.YES}


def age_gate_form_class():
    return ConfirmAgeForm if settings.AGE_GATE_MODE == "confirm" else DateOfBirthForm

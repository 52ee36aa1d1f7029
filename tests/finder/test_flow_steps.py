"""The flow's step machine (finder/flow.py), without HTTP."""

from finder import flow
from finder.flow import RESULTS


def test_next_walks_the_steps_to_the_results():
    assert [flow.next_screen(step, "next", (), True) for step in (1, 2, 3, 4)] == [2, 3, 4, RESULTS]


def test_the_preferences_step_is_passed_over_when_no_question_applies():
    assert flow.next_screen(2, "next", (), False) == 4
    assert flow.next_screen(4, "back", (), False) == 2
    assert flow.next_screen(4, "back", (), True) == 3


def test_back_never_goes_before_the_first_step_and_ignores_errors():
    assert flow.next_screen(1, "back", (1,), True) == 1
    assert flow.next_screen(3, "back", (1, 2), True) == 2


def test_an_error_at_or_before_this_step_stops_it_there():
    assert flow.next_screen(3, "next", (2, 4), True) == 2
    assert flow.next_screen(4, "next", (1,), True) == 1


def test_an_error_on_a_later_step_waits_until_the_results():
    assert flow.next_screen(1, "next", (4,), True) == 2
    assert flow.next_screen(4, "next", (), True) == RESULTS
    # The results are never shown with an invalid answer anywhere.
    assert flow.next_screen(RESULTS, "next", (4,), True) == 4


def test_skip_takes_back_a_steps_answers_and_leaves_the_defaults():
    assert flow.skip(1) == (("level",), {"level": "beginner"})
    names, defaults = flow.skip(4)
    assert names == (
        "budget",
        "latex_allergy",
        "owns_silicone_toys",
        "uses_latex_condoms",
        "anal_play",
    )
    names, _ = flow.skip(3, ["level", "level_impact", "intensity"])
    assert "level_impact" in names and "level" not in names
    assert defaults == {}
    assert flow.skip(RESULTS) == ((), {})


def test_the_preferences_step_shows_only_the_questions_that_apply():
    assert flow.visible_fields(3, ("ring_fit",)) == ("ring_fit",)
    assert flow.visible_fields(1, ()) == ("level",)
    assert flow.step_of("budget") == 4
    assert flow.step_of("unknown") == 1

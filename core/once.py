"""A value worked out at most once, when first asked for."""


class Once:
    """Calls `function` (no arguments) the first time it is called and returns that value
    ever after. For the values context processors give templates, which call a callable: made
    for every request, so it should cost little to make (a `functools.cache` wrapper costs
    several times more to create than this)."""

    __slots__ = ("function", "value")

    def __init__(self, function):
        self.function = function

    def __call__(self):
        try:
            return self.value
        except AttributeError:
            self.value = self.function()
            return self.value

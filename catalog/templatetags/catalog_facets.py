"""The filter form's panels in `catalog/_filters.html`, written here in one step rather than
by template lookups: a catalog page shows some fifty options, and the template engine's loop,
lookups and filters over them cost more than the rest of the form (~0.5-1 ms a page).

`{% facet_panels %}` writes every panel (price, intensity, and the lists of options) as the
template's loop did, character for character (tests/catalog/test_facet_panels.py keeps the
loop as its oracle); `{% facet_option option %}` writes one option of a list. Every value is
escaped as `{{ }}` escapes it: names and labels, links, what the visitor typed, messages."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from catalog.html_values import escaped
from catalog.listing import Panel, PanelOption

register = template.Library()

LINK = (
    '<li><a class="facet__option{selected}" href="{url}" rel="nofollow">'
    '<span class="facet__box" aria-hidden="true"></span>'
    '<span class="facet__label">{label}</span> <span class="facet__count">{count}</span>'
    '<span class="visually-hidden"> product{plural}{chosen}</span></a></li>'
)
EMPTY = (
    '<li><span class="facet__option facet__option--empty" aria-disabled="true">'
    '<span class="facet__box" aria-hidden="true"></span>'
    '<span class="facet__label">{label}</span> <span class="facet__count">0</span>'
    '<span class="visually-hidden"> products</span></span></li>'
)


@register.simple_tag
def facet_option(option: PanelOption) -> SafeString:
    """A link that chooses (or, chosen, removes) the option with its count; greyed out when
    there is nothing to add."""
    return mark_safe(_option(option))


def _option(option: PanelOption) -> str:
    label = escaped(option.label)
    if not option.url:
        return EMPTY.format(label=label)
    return LINK.format(
        selected=" facet__option--selected" if option.selected else "",
        url=escaped(option.url),
        label=label,
        count=option.count,
        plural="" if option.count == 1 else "s",
        chosen=", chosen: select to remove" if option.selected else "",
    )


LIST = """
    <section class="facet" aria-labelledby="facet-{name}">
      <h3 class="facet__title" id="facet-{name}">{label}</h3>
      <ul class="facet__options">
        {options}
      </ul>
    </section>
    """
PRICE = """
    <fieldset class="facet facet--range">
      <legend class="facet__title">Price</legend>
      {hint}
      <div class="range">
        <p class="range__field"><label for="id_price_min">From £</label>
          {price_min}</p>
        <p class="range__field"><label for="id_price_max">To £</label>
          {price_max}</p>
      </div>
      {price_min_errors}
      {price_max_errors}
      <button type="submit" class="button--secondary">Apply price</button>
    </fieldset>
    """
PRICE_INPUT = (
    '<input type="text" inputmode="decimal" id="id_{name}" name="{name}" size="7" value="{value}"'
    "{invalid} {described}>"
)
INTENSITY = """
    <fieldset class="facet facet--range">
      <legend class="facet__title">Intensity</legend>
      <p class="facet__hint">From 1 (very gentle) to 5 (intense). Start lighter than you think.</p>
      <div class="range">
        {bounds}
      </div>
      {errors}
      <button type="submit" class="button--secondary">Apply intensity</button>
    </fieldset>
    """
BOUND = """
        <p class="range__field"><label for="id_{name}">{label}</label>
          <select id="id_{name}" name="{name}"{invalid}>
            <option value="">Any</option>
            {options}
          </select></p>
        """
ERROR = '<p class="field-error" id="id_{name}_error">{error}</p>'


def _errors(name: str, errors) -> str:
    return "".join(ERROR.format(name=name, error=escaped(error)) for error in errors)


def _price(context, panel: Panel) -> str:
    price_range, form = context.get("price_range"), context["form"]
    hint = ""
    if price_range:
        low, high = (escaped(end) for end in price_range)
        said = f"Everything here costs {low}." if low == high else f"From {low} to {high} here."
        hint = f'<p class="facet__hint" id="price-hint">{said}</p>'
    inputs, errors = {}, {}
    for name in ("price_min", "price_max"):
        field = form[name]
        value, errors[name] = field.value(), field.errors
        described = ""
        if price_range or errors[name]:
            ids = ("price-hint" if price_range else "") + (
                f" id_{name}_error" if errors[name] else ""
            )
            described = f' aria-describedby="{ids}"'
        inputs[name] = PRICE_INPUT.format(
            name=name,
            value="" if value is None else escaped(value),
            invalid=' aria-invalid="true"' if errors[name] else "",
            described=described,
        )
    return PRICE.format(
        hint=hint,
        price_min=inputs["price_min"],
        price_max=inputs["price_max"],
        price_min_errors=_errors("price_min", errors["price_min"]),
        price_max_errors=_errors("price_max", errors["price_max"]),
    )


def _intensity(context, panel: Panel) -> str:
    bounds = context["intensity_bounds"]
    written = []
    for bound in bounds:
        name = escaped(bound["name"])
        options = "".join(
            f'<option value="{escaped(option.value)}"'
            f"{' selected' if option.value == bound['value'] else ''}>"
            f"{escaped(option.label)} ({option.count})</option>"
            for option in panel.options
        )
        invalid = ""
        if bound["errors"]:
            invalid = f' aria-invalid="true" aria-describedby="id_{name}_error"'
        written.append(
            BOUND.format(
                name=name,
                label=escaped(bound["label"]),
                invalid=invalid,
                options=options,
            )
        )
    errors = "".join(_errors(escaped(b["name"]), b["errors"]) for b in bounds)
    return INTENSITY.format(bounds="".join(written), errors=errors)


def _list(panel: Panel) -> str:
    options = "".join(f"\n        {_option(option)}\n        " for option in panel.options)
    return LIST.format(
        name=escaped(panel.name),
        label=escaped(panel.label),
        options=options,
    )


@register.simple_tag(takes_context=True)
def facet_panels(context) -> SafeString:
    """Every panel of the filter form, as the template's loop over `panels` wrote them."""
    written = []
    for panel in context["panels"]:
        if panel.name == "price":
            part = _price(context, panel)
        elif panel.name == "intensity":
            part = _intensity(context, panel)
        else:
            part = _list(panel)
        written.append(f"\n    {part}\n    ")
    return mark_safe("".join(written))

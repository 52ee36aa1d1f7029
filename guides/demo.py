"""Loading the demo guides from `guides/demo_guides/` (idempotent). Needs the demo catalog.

Each guide is a folder named by its slug: `guide.toml` (title, summary, the ordered sections
with their callouts and picks) and one Markdown file per section body, `NN-<anchor>.md`. The
README in that folder says more.
"""

from pathlib import Path

from django.db import transaction
from markdown_it import MarkdownIt

from catalog.demo import DemoDataError, check_keys, entry, find, read_toml, upsert
from catalog.models import Category, Product
from guides.models import Audience, Callout, CalloutItem, Guide, Pick, Section

GUIDES_DIR = Path(__file__).resolve().parent / "demo_guides"
SECTION_KEYS = {"heading", "anchor"}, frozenset({"category", "callout", "pick"})

_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")


def unwrap(markdown: str) -> str:
    """The body as the admin stores it, each paragraph on one line: the files wrap paragraphs
    for reading. Markdown decides what a paragraph is, so list items become one line each and
    tables, code and quotes keep their lines, as does a paragraph with a hard line break."""
    lines = markdown.strip().split("\n")
    quoted, paragraphs = 0, []
    for token in _markdown.parse("\n".join(lines)):
        quoted += {"blockquote_open": 1, "blockquote_close": -1}.get(token.type, 0)
        if token.type == "paragraph_open" and not quoted:
            paragraphs.append(token.map)
    for start, end in reversed(paragraphs):
        first, *rest = lines[start:end]
        if rest and not any(line.endswith(("  ", "\\")) for line in lines[start:end]):
            lines[start:end] = [" ".join([first, *(line.strip() for line in rest)])]
    return "\n".join(lines)


@transaction.atomic
def load_guides(folder: Path | None = None) -> dict[str, int]:
    """Create or update the demo guides by slug and their sections by anchor; sections no
    longer in a manifest are removed, and a section's callouts and picks are replaced when they
    differ from the manifest's. Running it twice gives the same result as running it once; a
    bad file raises DemoDataError and changes nothing."""
    manifests, slugs = _read_manifests(folder or GUIDES_DIR)
    products = Product.objects.filter(slug__in=slugs).select_related("category")
    products = {product.slug: product for product in products}
    categories = {c.slug: c for c in Category.objects.all()}
    counts = {"guides": 0, "sections": 0, "callouts": 0, "picks": 0}
    for position, path, row in manifests:
        with entry(path, f"guide [{path.parent.name}]"):
            guide = upsert(
                Guide,
                {"slug": path.parent.name},
                {
                    "title": row["title"],
                    "summary": row["summary"],
                    "author": row["author"],
                    "level": row["level"],
                    "is_published": True,
                    "position": position,
                },
            )
        counts["guides"] += 1
        bodies = set()
        for number, section_row in enumerate(row["section"], start=1):
            with entry(path, f"section {number} [{section_row.get('anchor')}]"):
                check_keys(section_row, *SECTION_KEYS)
                body = path.parent / f"{number:02d}-{section_row['anchor']}.md"
                bodies.add(body.name)
                section = _load_section(guide, number - 1, section_row, body, categories, products)
            counts["sections"] += 1
            counts["callouts"] += section.callouts.count()
            counts["picks"] += section.picks.count()
        guide.sections.exclude(anchor__in=[s["anchor"] for s in row["section"]]).delete()
        if stray := {p.name for p in path.parent.glob("*.md")} - bodies:
            raise DemoDataError(f"{path.parent}: no section has {', '.join(sorted(stray))}.")
    return counts


def _read_manifests(folder: Path) -> tuple[list[tuple[int, Path, dict]], set[str]]:
    """Every guide.toml under `folder` as (position, path, row), in the order of the guides,
    and the slugs of the products they pick."""
    manifests, slugs = [], set()
    for path in sorted(folder.glob("*/guide.toml")):
        with entry(path, f"guide [{path.parent.name}]"):
            row = read_toml(path)
            check_keys(row, {"title", "summary", "author", "level", "position", "section"})
            if not isinstance(row["position"], int):
                raise ValueError("position: a whole number.")
            for section in row["section"]:
                slugs.update(pick.get("product") for pick in section.setdefault("pick", []))
            manifests.append((row["position"], path, row))
    return sorted(manifests, key=lambda manifest: manifest[:2]), slugs


def _load_section(guide, position, row, body_path, categories, products) -> Section:
    try:
        body = unwrap(body_path.read_text(encoding="utf-8"))
    except OSError:
        raise ValueError(f"no body file {body_path.name} beside the manifest.") from None
    category = row.get("category")
    section = upsert(
        Section,
        {"guide": guide, "anchor": row["anchor"]},
        {
            "position": position,
            "heading": row["heading"],
            "body": body,
            "category": find(categories, category, "category") if category else None,
        },
    )
    _load_callouts(section, row.get("callout", []))
    _load_picks(section, row["pick"], products)
    return section


def _load_callouts(section: Section, rows: list[dict]) -> None:
    """Replace the section's callouts with `rows`, unless they already say the same."""
    wanted = []
    for row in rows:
        check_keys(row, {"kind", "title", "item"}, frozenset({"level"}))
        for item in row["item"]:
            check_keys(item, {"label", "text"})
        items = [(position, i["label"], i["text"]) for position, i in enumerate(row["item"])]
        level = row.get("level", Audience.BOTH)
        wanted.append((len(wanted), row["kind"], row["title"], level, items))
    current = [
        (
            c.position,
            c.kind,
            c.title,
            c.level,
            [(i.position, i.label, i.text) for i in c.items.all()],
        )
        for c in section.callouts.prefetch_related("items")
    ]
    if current == wanted:
        return
    section.callouts.all().delete()
    for position, kind, title, level, items in wanted:
        callout = Callout(section=section, kind=kind, title=title, level=level, position=position)
        callout.full_clean()
        callout.save()
        for item_position, label, text in items:
            item = CalloutItem(callout=callout, label=label, text=text, position=item_position)
            item.full_clean()
            item.save()


def _load_picks(section: Section, rows: list[dict], products: dict[str, Product]) -> None:
    """Replace the section's picks with `rows`, unless they already say the same. Positions
    count within each level, in the manifest's order."""
    wanted, positions = [], {}
    for row in rows:
        check_keys(row, {"product", "level", "reason"})
        level = row["level"]
        product = find(products, row["product"], "product")
        positions[level] = positions.get(level, -1) + 1
        wanted.append(
            Pick(
                section=section,
                product=product,
                level=level,
                reason=row["reason"],
                position=positions[level],
            )
        )

    def key(pick):
        return (pick.product_id, pick.level, pick.reason, pick.position)

    if sorted(map(key, section.picks.all())) == sorted(map(key, wanted)):
        return
    section.picks.all().delete()
    for pick in wanted:
        pick.full_clean()  # the level and category checks curators get in the admin
        pick.save()

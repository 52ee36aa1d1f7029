"""The house's layers point down: an app imports only apps on lower floors, never one above it
or beside it, and migrations import no app at all. Imports inside functions count too (a lazy
import hides a loop; it does not remove it).

    bench, manage.py, gunicorn.conf.py   tools that drive the site
    shop      the top floor: settings, root URLs, site-wide middleware, home, health
    finder    the recommendation flow: its logic, forms, views, admin report
    basket    (beside finder) the session basket and the checkout hand-off
    tools     the play-safely tools (beside finder: neither imports the other)
    guides    editorial guides and their picks
    catalog   products, categories, materials, safety notes, browsing
    core      what every app shares: the content version, the age-gate pass, the Curator role
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# basket and tools sit beside finder: no lower app can import them (guides and catalog
# templates link to the basket's pages by URL name only), and neither needs the finder.
FLOORS = {
    "core": 1,
    "catalog": 2,
    "guides": 3,
    "finder": 4,
    "tools": 4,
    "basket": 4,
    "shop": 5,
    "bench": 6,
}
TOOLS = 6  # manage.py, gunicorn.conf.py


def project_modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        top = relative.parts[0]
        if top in FLOORS or len(relative.parts) == 1:
            yield relative


def module_name(relative: Path) -> str:
    parts = list(relative.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(relative: Path) -> list[tuple[int, str]]:
    """(line, dotted name) for every import in the file, at any depth, relative ones resolved.
    `from package import name` gives `package.name` when that is a module of ours (importing
    a submodule is not importing its package's other modules), else `package`."""
    tree = ast.parse((ROOT / relative).read_text(), filename=str(relative))
    package = module_name(relative).split(".")
    if relative.name != "__init__.py":
        package = package[:-1]
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                names.append((node.lineno, submodule if is_ours(submodule) else module))
    return names


def is_ours(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def floor_of(relative: Path) -> int:
    top = relative.parts[0]
    return FLOORS.get(top, TOOLS)


def violations() -> list[str]:
    found = []
    for relative in project_modules():
        own_app = relative.parts[0]
        in_migration = "migrations" in relative.parts
        for line, name in imported_names(relative):
            target = name.split(".")[0]
            if target not in FLOORS:
                continue  # Python, Django or a library
            where = f"{relative}:{line} imports {name}"
            if in_migration:
                found.append(f"{where} (migrations must be self-contained)")
            elif target != own_app and FLOORS[target] >= floor_of(relative):
                found.append(f"{where} (floor {FLOORS[target]} from floor {floor_of(relative)})")
    return found


def test_every_import_points_down_and_migrations_stand_alone():
    assert violations() == []


def test_the_walk_sees_every_app_and_its_imports():
    """The check above cannot pass by reading nothing: it finds the imports it must allow."""
    modules = {module_name(relative) for relative in project_modules()}
    assert {"core.content", "catalog.models", "guides.views", "finder.views", "shop.urls"} <= (
        modules
    )
    names = {name for _, name in imported_names(Path("shop/urls.py"))}
    assert {"guides", "shop"} <= {name.split(".")[0] for name in names}
    names = {name for _, name in imported_names(Path("guides/views.py"))}
    assert {"catalog", "guides"} <= {name.split(".")[0] for name in names}
    relative_import = {name for _, name in imported_names(Path("finder/logic/engine.py"))}
    assert "finder.logic.hard_rules" in relative_import


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(relative): relative for relative in project_modules()}
    return {
        name: {target for _, target in imported_names(relative) if target in modules} - {name}
        for name, relative in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_through_others():
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_loop_hidden_in_a_function():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


@pytest.mark.parametrize(
    ("source", "importer", "allowed"),
    [
        ("from shop.page_cache import content_version\n", "finder/logic/x.py", False),
        ("def f():\n    from guides import models\n", "catalog/x.py", False),
        ("from finder.logic import recommend\n", "guides/x.py", False),
        ("from catalog.models import Product\n", "guides/x.py", True),
        ("from core.content import content_version\n", "catalog/x.py", True),
        ("from . import answers\n", "finder/logic/x.py", True),
        ("from catalog.models import Product\n", "catalog/migrations/0009_x.py", False),
    ],
)
def test_the_rule_itself(tmp_path, monkeypatch, source, importer, allowed):
    path = tmp_path / importer
    path.parent.mkdir(parents=True)
    path.write_text(source)
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    assert (violations() == []) is allowed

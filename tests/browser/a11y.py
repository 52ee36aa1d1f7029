"""Accessibility checks for browser tests: an axe-core audit and a reflow check.

axe-core comes bundled in the `axe-playwright-python` package (its `axe.min.js`), installed
by the project's own set-up: nothing is downloaded while the tests run.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.2 level AA, as axe-core tags its rules.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Impacts that fail the audit for WCAG rules.
BLOCKING_IMPACTS = {"serious", "critical"}
# axe's "best-practice" rules about page structure (headings, landmarks, ids) are held to
# at any impact: they are what a screen-reader user navigates by.
STRUCTURE_RULES = {
    "heading-order",
    "empty-heading",
    "page-has-heading-one",
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-no-duplicate-main",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level",
    "landmark-complementary-is-top-level",
    "region",
    "duplicate-id",
    "duplicate-id-aria",
    "skip-link",
}

_axe = Axe()


@dataclass
class Finding:
    rule: str
    impact: str
    help: str
    targets: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        shown = ", ".join(self.targets[:6])
        more = f" (+{len(self.targets) - 6} more)" if len(self.targets) > 6 else ""
        return f"{self.rule} ({self.impact}): {self.help}\n      at {shown}{more}"


def audit(page) -> list[Finding]:
    """Run axe-core on the page as it is now; return what fails our bar."""
    results = _axe.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": [*WCAG_TAGS, "best-practice"]},
            "resultTypes": ["violations"],
        },
    ).response
    findings = []
    for violation in results["violations"]:
        is_wcag = bool(set(violation["tags"]) & set(WCAG_TAGS))
        blocking = (is_wcag and violation["impact"] in BLOCKING_IMPACTS) or (
            violation["id"] in STRUCTURE_RULES
        )
        if blocking:
            findings.append(
                Finding(
                    rule=violation["id"],
                    impact=violation["impact"] or "unknown",
                    help=violation["help"],
                    targets=[" ".join(map(str, node["target"])) for node in violation["nodes"]],
                )
            )
    return findings


def overflow(page) -> int:
    """How many CSS pixels the page is wider than the viewport (WCAG 1.4.10, reflow)."""
    return page.evaluate(
        "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


class Report:
    """Collects findings page by page and words them for an assertion message."""

    def __init__(self, width: int):
        self.width = width
        self.pages: list[tuple[str, str, list[str]]] = []
        self.audited: list[str] = []

    def check(self, page, name: str) -> None:
        problems = [str(finding) for finding in audit(page)]
        extra = overflow(page)
        if extra > 0:
            problems.append(f"reflow: the page is {extra}px wider than the {self.width}px screen")
        self.audited.append(name)
        if problems:
            address = urlsplit(page.url)
            path = address.path + (f"?{address.query}" if address.query else "")
            self.pages.append((name, path, problems))

    def __bool__(self) -> bool:
        return bool(self.pages)

    def __str__(self) -> str:
        lines = [
            f"{len(self.pages)} of {len(self.audited)} pages fail the accessibility audit "
            f"at {self.width}px (WCAG 2.2 AA serious/critical, structure rules, reflow):"
        ]
        for name, url, problems in self.pages:
            lines.append(f"- {name} <{url}>")
            lines.extend(f"    {problem}" for problem in problems)
        return "\n".join(lines)

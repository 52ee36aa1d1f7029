"""The play-safely tools in Chromium: shared helpers."""

import re

import pytest

from tests.browser.a11y import Report

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])


class Requests:
    """Every request a page makes, from the moment this is attached."""

    def __init__(self, page):
        self.page = page
        self.seen = []
        page.on("request", lambda request: self.seen.append(request))

    def mark(self) -> int:
        return len(self.seen)

    def since(self, mark: int):
        """The requests made after `mark`, except the icon the browser fetches by itself."""
        return [
            r
            for r in self.seen[mark:]
            if r.url.startswith("http") and not r.url.endswith("/static/favicon.svg")
        ]

    def carrying(self, secrets) -> list[str]:
        """The requests (and cookies) in which any of `secrets` shows, case-insensitively."""
        found = []
        for request in self.seen:
            text = " ".join(
                [request.url, request.post_data or "", *map(str, request.headers.items())]
            ).lower()
            found += [f"{request.method} {request.url}: {s}" for s in secrets if s.lower() in text]
        cookies = " ".join(f"{c['name']}={c['value']}" for c in self.page.context.cookies())
        cookies += " " + self.page.evaluate("document.cookie")
        found += [f"cookie: {s}" for s in secrets if s.lower() in cookies.lower()]
        return found


def visible_text(page) -> str:
    """What a person can read: innerText leaves out everything hidden."""
    return page.locator("body").inner_text()


def audit(page, viewport, name):
    report = Report(viewport["width"])
    report.check(page, name)
    assert not report, str(report)


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


# --- the negotiation card ------------------------------------------------------------------

"""schemathesis hooks for docs/openapi.yaml: read HTML pages as text.

Some operations answer HTML (the product page, the catalog for a client that does not ask for
JSON, Django's "page not found"); the contract documents those bodies as strings, and this
lets schemathesis check them as such instead of skipping them. The CLI loads this file through
`SCHEMATHESIS_HOOKS` (tests/contract/run_schemathesis.py); the tests import it.
"""

import schemathesis


@schemathesis.deserializer("text/html")
def html_as_text(ctx, response):
    return response.content.decode(response.encoding or "utf-8", errors="replace")

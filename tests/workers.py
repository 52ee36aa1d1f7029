"""How `make test` shares the suite between its pytest-xdist workers (tests/conftest.py asks
for this scheduler when the tests are spread with xdist's default, `--dist load`).

- A module at a time: its tests run in order on one worker, and a module-scoped fixture is set
  up once, not once per worker.
- Each folder in TOGETHER is one unit: the browser tests share one Chromium, one live server
  and one seeded database (tests/browser/conftest.py); the tests in tests/deploy start gunicorn
  servers on one database of their own, so they run one after another.
- The browser tests, the longest unit, go out first, so neither worker waits for the other at
  the end.
"""

from xdist.scheduler import LoadScopeScheduling

BROWSER = "tests/browser/"
TOGETHER = (BROWSER, "tests/deploy/")


class ModulesAndFolders(LoadScopeScheduling):
    def _split_scope(self, nodeid: str) -> str:
        for folder in TOGETHER:
            if nodeid.startswith(folder):
                return folder
        return nodeid.split("::", 1)[0]

    def _assign_work_unit(self, node) -> None:
        if BROWSER in self.workqueue:
            self.workqueue.move_to_end(BROWSER, last=False)
        super()._assign_work_unit(node)

import pytest
from django.conf import settings

from core.age_gate import issue_pass
from tests.factories import CuratorFactory


def pytest_xdist_make_scheduler(config, log):
    """`make test` runs two pytest-xdist workers: see tests/workers.py for how they share."""
    if config.getvalue("dist") != "load":
        return None  # a --dist given on the command line wins
    from tests.workers import ModulesAndFolders

    return ModulesAndFolders(config, log)


@pytest.fixture(autouse=True)
def forget_what_this_process_kept():
    """After each test, drop what a worker keeps per content version (the out-of-stock set,
    the facet index, the finder's index): a rolled-back test brings the version back to a
    number the next test sees again, and must not hand that test its own catalog."""
    yield
    from catalog import cards, facet_index, search_index, search_terms, stock
    from finder.logic.index import drop_process_copy

    cards.forget()
    stock.forget()
    facet_index.forget()
    search_terms.forget()
    search_index.forget()
    drop_process_copy()


def give_pass(client):
    """Give a test client a valid age-gate pass, as the gate would after a visitor passes."""
    client.cookies[settings.AGE_GATE_COOKIE] = issue_pass()
    return client


@pytest.fixture
def client(client):
    """A visitor who has passed the age gate. Use `anon_client` for one who has not."""
    return give_pass(client)


@pytest.fixture
def anon_client():
    from django.test import Client

    return Client()


@pytest.fixture
def curator(db):
    return CuratorFactory(username="curator")


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client

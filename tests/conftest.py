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

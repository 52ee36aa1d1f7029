"""Staff accounts: sign-in attempts are limited per account and address, and curators reach
the content admin only."""

import re
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db.models import F
from django.urls import NoReverseMatch, reverse

from core.curators import CURATOR_APPS, CURATOR_GROUP
from tests.factories import CuratorFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


def sign_in(client, username, password, address="81.2.69.160", **headers):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
        **headers,
    )


@pytest.fixture
def alex(db):
    return CuratorFactory(username="alex")


def test_five_failed_sign_ins_pause_that_account_from_that_address(client, alex, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        response = sign_in(client, "alex", "wrong")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()
    response = sign_in(client, "alex", "wrong")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Sign-in paused for this account" in html
    assert "5 unsuccessful attempts" in html and "<strong>alex</strong>" in html
    assert "try again in 60 minutes" in html
    # Even the right password is refused for the hour.
    assert sign_in(client, "alex", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_pause_touches_neither_other_addresses_nor_other_accounts(client, alex):
    CuratorFactory(username="sam")
    for _ in range(5):
        sign_in(client, "alex", "wrong")
    assert sign_in(client, "alex", PASSWORD).status_code == 429
    assert sign_in(client, "sam", PASSWORD).status_code == 302
    client.logout()
    response = sign_in(client, "alex", PASSWORD, address="81.2.69.161")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_a_successful_sign_in_clears_earlier_failures(client, alex):
    for _ in range(4):
        sign_in(client, "alex", "wrong")
    assert sign_in(client, "alex", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "alex", "wrong").status_code == 200


def test_behind_a_proxy_the_named_header_tells_visitors_apart(client, alex, settings):
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    settings.AXES_IPWARE_PROXY_ORDER = "right-most"
    proxy = "10.0.0.2"
    for _ in range(5):
        sign_in(client, "alex", "wrong", proxy, HTTP_X_FORWARDED_FOR="81.2.69.160")
    locked = sign_in(client, "alex", PASSWORD, proxy, HTTP_X_FORWARDED_FOR="81.2.69.160")
    assert locked.status_code == 429
    # The proxy appends the real address: a visitor cannot escape by sending their own header.
    spoofed = sign_in(client, "alex", PASSWORD, proxy, HTTP_X_FORWARDED_FOR="8.8.8.8, 81.2.69.160")
    assert spoofed.status_code == 429
    # Another visitor behind the same proxy signs in.
    other = sign_in(client, "alex", PASSWORD, proxy, HTTP_X_FORWARDED_FOR="81.2.69.99")
    assert other.status_code == 302


def registered_admin_pages():
    """(app label, model name, admin) for every model in the admin."""
    return [
        (model._meta.app_label, model._meta.model_name, model_admin)
        for model, model_admin in admin.site._registry.items()
    ]


def test_curator_reaches_every_content_admin_page(curator_client):
    content = [page for page in registered_admin_pages() if page[0] in CURATOR_APPS]
    assert {"product", "category", "material", "safetynote"} <= {name for _, name, _ in content}
    for app_label, model_name, _ in content:
        url = reverse(f"admin:{app_label}_{model_name}_changelist")
        assert curator_client.get(url).status_code == 200, url


def test_curator_is_refused_every_admin_page_outside_catalog_and_guides(curator_client, curator):
    others = [page for page in registered_admin_pages() if page[0] not in CURATOR_APPS]
    assert {"user", "group", "accessattempt"} <= {name for _, name, _ in others}
    objects = {"user": curator.pk, "group": Group.objects.get(name=CURATOR_GROUP).pk}
    for app_label, model_name, _ in others:
        urls = [reverse(f"admin:{app_label}_{model_name}_changelist")]
        try:
            urls.append(reverse(f"admin:{app_label}_{model_name}_add"))
        except NoReverseMatch:  # some admins (sign-in records) have no add page
            pass
        if model_name in objects:
            urls.append(
                reverse(f"admin:{app_label}_{model_name}_change", args=[objects[model_name]])
            )
        for url in urls:
            assert curator_client.get(url).status_code == 403, url
        app_index = reverse("admin:app_list", args=[app_label])
        assert curator_client.get(app_index).status_code == 404, app_index


def test_curator_admin_index_lists_content_only(curator_client):
    html = curator_client.get(reverse("admin:index")).content.decode()
    assert "Products" in html
    for hidden in ["Users", "Groups", "Access attempts", "Access logs"]:
        assert hidden not in html, hidden


def test_a_superuser_still_reaches_users_and_sign_in_records(client):
    client.force_login(UserFactory(username="owner", is_staff=True, is_superuser=True))
    for name in ["auth_user", "auth_group", "axes_accessattempt"]:
        assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200, name


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("run", ["first", "after a flush"])
def test_the_curator_group_survives_a_database_flush(run):
    """Transactional tests flush the database; the group comes back with its permissions."""
    group = Group.objects.get(name=CURATOR_GROUP)
    labels = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert "catalog" in labels and labels <= set(CURATOR_APPS)
    assert group.permissions.filter(codename="change_product").exists()


def test_the_admin_form_is_limited_even_though_tests_may_use_client_login(client, alex):
    assert client.login(username="alex", password=PASSWORD)
    client.logout()
    for _ in range(5):
        sign_in(client, "alex", "wrong")
    assert sign_in(client, "alex", PASSWORD).status_code == 429


# --- wider limits: per account from any address, per address for any account -----------------


def addresses(count: int, prefix: str = "81.2.70") -> list[str]:
    return [f"{prefix}.{n}" for n in range(1, count + 1)]


def pause_page(response) -> str:
    assert response.status_code == 429
    return response.content.decode()


def age_failures(minutes: int) -> None:
    """As if the recorded failures had happened `minutes` earlier."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


def test_one_account_tried_from_many_addresses_is_paused_everywhere(client, alex, settings):
    assert settings.SIGN_IN_ACCOUNT_FAILURE_LIMIT == 10
    CuratorFactory(username="sam")
    for address in addresses(9):  # one try from each: the per-address pair limit never bites
        assert sign_in(client, "alex", "wrong", address).status_code == 200
    html = pause_page(sign_in(client, "alex", "wrong", "81.2.71.1"))
    assert "Sign-in paused for this account" in html and "<strong>alex</strong>" in html
    assert "try again in 1 minute." in html
    # The right password, from an address never used before, waits too.
    assert sign_in(client, "alex", PASSWORD, "81.2.72.1").status_code == 429
    assert sign_in(client, "sam", PASSWORD, "81.2.72.1").status_code == 302  # others are not


def test_the_pause_grows_with_every_further_failure_and_then_ends(client, alex):
    for address in addresses(10):
        sign_in(client, "alex", "wrong", address)
    assert "try again in 2 minutes." in pause_page(sign_in(client, "alex", "wrong", "81.2.71.1"))
    assert "try again in 4 minutes." in pause_page(sign_in(client, "alex", "wrong", "81.2.71.2"))
    age_failures(5)  # the pause has passed
    response = sign_in(client, "alex", PASSWORD, "81.2.72.1")
    assert response.status_code == 302 and response["Location"] == reverse("admin:index")


def test_the_pause_stops_at_an_hour(client, alex):
    for address in addresses(10) + addresses(15, "81.2.71"):
        sign_in(client, "alex", "wrong", address)
    assert "try again in 60 minutes." in pause_page(sign_in(client, "alex", "wrong", "81.2.72.1"))


def test_one_address_trying_many_accounts_is_paused_for_every_account(client, alex, settings):
    assert settings.SIGN_IN_ADDRESS_FAILURE_LIMIT == 20
    for n in range(19):
        assert sign_in(client, f"guess-{n}", "wrong").status_code == 200
    html = pause_page(sign_in(client, "guess-19", "wrong"))
    assert "Sign-in paused for this connection" in html and "guess-19" not in html
    assert "try again in 1 minute." in html
    assert sign_in(client, "alex", PASSWORD).status_code == 429  # from that address
    assert sign_in(client, "alex", PASSWORD, "81.2.72.1").status_code == 302


def test_the_limits_do_not_reveal_whether_an_account_exists(client, alex):
    def attempts(username: str, prefix: str) -> list[tuple[int, str]]:
        seen = []
        for address in addresses(12, prefix):
            response = sign_in(client, username, "wrong", address)
            page = response.content.decode().replace(username, "NAME")
            page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
            seen.append((response.status_code, page))
        return seen

    existing, unknown = attempts("alex", "81.2.80"), attempts("nobody-here", "81.2.81")
    assert [status for status, _ in existing] == [200] * 9 + [429] * 3
    assert existing == unknown


@pytest.mark.parametrize(
    "next_url, lands_on",
    [
        ("/admin/catalog/product/", "/admin/catalog/product/"),
        ("http://testserver/admin/catalog/", "/admin/"),
        ("https://testserver:8443/admin/", "/admin/"),
        ("//evil.example/", "/admin/"),
    ],
)
def test_the_admin_sign_in_sends_on_to_a_path_of_this_site_only(client, alex, next_url, lands_on):
    response = client.post(
        reverse("admin:login") + "?" + urlencode({"next": next_url}),
        {"username": "alex", "password": PASSWORD, "next": next_url},
        REMOTE_ADDR="81.2.69.160",
    )
    assert response.status_code == 302
    assert response["Location"] == lands_on

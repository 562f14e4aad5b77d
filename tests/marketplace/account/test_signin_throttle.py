"""Sign-in throttling (django-axes): password guesses, registrations and refresh-token probes are counted per
account and per address; over the limit the caller waits, with LOGIN_ATTEMPT_DELAYED in the API and a message on
the pages, and the lockout is audited. Attempts live in the test database, so each test starts from zero."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from marketplace.account.services import user_create
from marketplace.core.models import AuditEntry

pytestmark = pytest.mark.django_db
PASSWORD = "mat-khau-an-toan-2026"
LIMIT = 3


@pytest.fixture(autouse=True)
def _small_limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT


def _graphql(client, query: str, variables: dict | None = None, ip: str = "203.0.113.7") -> dict:
    response = client.post("/graphql/", json.dumps({"query": query, "variables": variables or {}}),
                           content_type="application/json", REMOTE_ADDR=ip)
    assert response.status_code == 200
    return response.json()["data"]


def _guesses(count: int, email: str, password: str = "sai-mat-khau") -> str:
    aliases = "\n".join(f'g{i}: tokenCreate(email: "{email}", password: "{password}{i}") '
                        "{ token errors { field code message } }" for i in range(count))
    return f"mutation {{ {aliases} }}"


def test_aliased_guesses_in_one_request_are_separate_attempts_and_get_locked_out(client, shopper):
    data = _graphql(client, _guesses(8, shopper.email))

    codes = [data[f"g{i}"]["errors"][0]["code"] for i in range(8)]
    assert codes == ["INVALID_CREDENTIALS"] * (LIMIT - 1) + ["LOGIN_ATTEMPT_DELAYED"] * (8 - LIMIT + 1)
    assert "thử lại sau 15 phút" in data["g7"]["errors"][0]["message"]
    assert all(data[f"g{i}"]["token"] is None for i in range(8))


def test_the_right_password_is_refused_while_the_account_is_locked(client, shopper):
    _graphql(client, _guesses(LIMIT, shopper.email))

    from_elsewhere = _graphql(client, 'mutation { tokenCreate(email: "khach@example.com", '
                              f'password: "{PASSWORD}") {{ token errors {{ code }} }} }}', ip="198.51.100.9")

    assert from_elsewhere["tokenCreate"] == {"token": None, "errors": [{"code": "LOGIN_ATTEMPT_DELAYED"}]}


def test_one_address_guessing_many_accounts_is_locked_out(client, shopper):
    for n in range(LIMIT):
        _graphql(client, _guesses(1, f"nobody{n}@example.com"))

    data = _graphql(client, 'mutation { tokenCreate(email: "khach@example.com", '
                    f'password: "{PASSWORD}") {{ token errors {{ code }} }} }}')
    other_address = _graphql(client, 'mutation { tokenCreate(email: "khach@example.com", '
                             f'password: "{PASSWORD}") {{ token errors {{ code }} }} }}', ip="198.51.100.9")

    assert data["tokenCreate"]["errors"] == [{"code": "LOGIN_ATTEMPT_DELAYED"}]
    assert other_address["tokenCreate"]["errors"] == [] and other_address["tokenCreate"]["token"]


def test_a_lockout_is_audited(client, shopper):
    _graphql(client, _guesses(LIMIT + 2, shopper.email))

    entries = AuditEntry.objects.filter(action="account.signin.locked_out")
    assert entries.count() >= 1
    entry = entries.first()
    assert (entry.object_type, entry.object_id) == ("account.user", str(shopper.pk))
    assert entry.after["ip_address"] == "203.0.113.7"


def test_refresh_token_probes_are_throttled(client):
    query = "mutation { " + " ".join(f'r{i}: tokenRefresh(refreshToken: "forged.{i}.token") {{ errors {{ code }} }}'
                                     for i in range(LIMIT + 1)) + " }"

    data = _graphql(client, query)

    assert [data[f"r{i}"]["errors"][0]["code"] for i in range(LIMIT + 1)] == (
        ["JWT_DECODE_ERROR"] * (LIMIT - 1) + ["LOGIN_ATTEMPT_DELAYED"] * 2)


def test_registrations_from_one_address_are_throttled(client):
    query = "mutation { " + " ".join(
        f'a{i}: accountRegister(input: {{email: "moi{i}@example.com", password: "{PASSWORD}"}}) '
        "{ errors { code } }" for i in range(LIMIT + 1)) + " }"

    data = _graphql(client, query)

    assert [data[f"a{i}"]["errors"] for i in range(LIMIT)] == [[]] * LIMIT
    assert data[f"a{LIMIT}"]["errors"] == [{"code": "LOGIN_ATTEMPT_DELAYED"}]


def test_the_shop_sign_in_page_shows_the_wait(client, shopper):
    for n in range(LIMIT):
        client.post(reverse("storefront:login"), {"email": shopper.email, "password": f"sai{n}"})

    response = client.post(reverse("storefront:login"), {"email": shopper.email, "password": PASSWORD}, follow=True)

    assert response.status_code == 200
    assert "Quá nhiều lần thử không thành công" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_shop_sign_up_page_is_throttled(client):
    for n in range(LIMIT):
        client.post(reverse("storefront:register"), {"name": "A", "email": f"a{n}@example.com",
                                                     "password": PASSWORD, "password2": PASSWORD})
    client.logout()

    response = client.post(reverse("storefront:register"), {"name": "B", "email": "b@example.com",
                                                            "password": PASSWORD, "password2": PASSWORD}, follow=True)

    assert "Quá nhiều lần thử không thành công" in response.content.decode()


def test_the_console_sign_in_page_shows_the_wait(client):
    user_create(email="op@example.com", password=PASSWORD, is_staff=True)
    url = reverse("storefront:console:login")
    for n in range(LIMIT):
        client.post(url, {"username": "op@example.com", "password": f"sai{n}"})

    response = client.post(url, {"username": "op@example.com", "password": PASSWORD})

    assert response.status_code == 200
    assert "Quá nhiều lần thử không thành công" in response.content.decode()
    assert "_auth_user_id" not in client.session

"""A clinic's number may be on its own Twilio account or Meta app: its clinic file names the
environment variables holding the secrets (and, optionally, its own template ids). Webhooks
to that number are verified with its secret, and replies from it go out with its credentials,
through the real SDKs against the loopback fakes; a number without them uses the deployment's."""

import json

import pytest
from django.core.management import CommandError

from conversations.channels import channel_for
from conversations.models import OutboundMessage
from tests.conftest import PUBLIC_BASE_URL, meta_fixture, sign
from tests.fakes.graph_server import ACCESS_TOKEN, APP_SECRET
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN, basic_auth_user
from tests.tenancy.conftest import PATIENT, SOL_TWILIO, VISTA_TWILIO, load, sol_file, twilio_form, vista_file

pytestmark = pytest.mark.sqlite
WEBHOOK = "/webhooks/twilio/whatsapp/"
SOL_META = "987654987"
SOL_SID, SOL_TOKEN = "AC" + "5" * 32, "sol-twilio-auth-token"
SOL_ACCESS, SOL_SECRET = "sol-meta-access-token", "sol-meta-app-secret"
SOL_REMINDER_SID = "HX" + "5" * 32


@pytest.fixture
def sol_own_accounts(db, monkeypatch, tmp_path, twilio_settings, meta_settings, fake_graph):
    """Clínica Vista on the deployment's Twilio account and Meta app; Clínica Sol on its own."""
    monkeypatch.setenv("SOL_TWILIO_ACCOUNT_SID", SOL_SID)
    monkeypatch.setenv("SOL_TWILIO_AUTH_TOKEN", SOL_TOKEN)
    monkeypatch.setenv("SOL_META_ACCESS_TOKEN", SOL_ACCESS)
    monkeypatch.setenv("SOL_META_APP_SECRET", SOL_SECRET)
    fake_graph.access_tokens.add(SOL_ACCESS)
    sol = sol_file()
    sol["channels"] = [
        {
            "provider": "twilio",
            "number": SOL_TWILIO,
            "account_sid_env": "SOL_TWILIO_ACCOUNT_SID",
            "auth_token_env": "SOL_TWILIO_AUTH_TOKEN",
            "templates": {"reminder": {"es": SOL_REMINDER_SID}},
        },
        {
            "provider": "meta",
            "phone_number_id": SOL_META,
            "access_token_env": "SOL_META_ACCESS_TOKEN",
            "app_secret_env": "SOL_META_APP_SECRET",
        },
    ]
    load(tmp_path, "vista", vista_file())
    load(tmp_path, "sol", sol)


def _twilio_post(client, body: str, token: str):
    signature = sign(PUBLIC_BASE_URL + WEBHOOK, body, token)
    return client.post(
        WEBHOOK, body, content_type="application/x-www-form-urlencoded", HTTP_X_TWILIO_SIGNATURE=signature
    )


def test_a_message_to_a_number_on_its_own_twilio_account_is_verified_with_its_token(
    sol_own_accounts, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert _twilio_post(client, twilio_form(to=SOL_TWILIO, body="hola"), SOL_TOKEN).status_code == 200
        assert _twilio_post(client, twilio_form(to=SOL_TWILIO, body="hola"), AUTH_TOKEN).status_code == 403
        assert _twilio_post(client, twilio_form(to=VISTA_TWILIO, body="olá"), SOL_TOKEN).status_code == 403
        assert _twilio_post(client, twilio_form(to=VISTA_TWILIO, body="olá"), AUTH_TOKEN).status_code == 200


def test_replies_go_out_with_the_credentials_of_the_number_written_to(
    sol_own_accounts, client, fake_twilio, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _twilio_post(client, twilio_form(to=SOL_TWILIO, body="hola"), SOL_TOKEN)
        _twilio_post(client, twilio_form(to=VISTA_TWILIO, body="olá"), AUTH_TOKEN)

    sent = {request.form["From"]: request for request in fake_twilio.requests}
    assert set(sent) == {f"whatsapp:{SOL_TWILIO}", f"whatsapp:{VISTA_TWILIO}"}
    sol, vista = sent[f"whatsapp:{SOL_TWILIO}"], sent[f"whatsapp:{VISTA_TWILIO}"]
    assert f"/Accounts/{SOL_SID}/" in sol.path and basic_auth_user(sol.auth) == SOL_SID
    assert f"/Accounts/{ACCOUNT_SID}/" in vista.path and basic_auth_user(vista.auth) == ACCOUNT_SID
    assert OutboundMessage.objects.filter(status=OutboundMessage.Status.SENT).count() == 2


def _meta_body(phone_number_id: str, wamid: str) -> bytes:
    envelope = json.loads(meta_fixture("text_any", id=wamid, text="hola", **{"from": PATIENT.lstrip("+")}))
    envelope["entry"][0]["changes"][0]["value"]["metadata"]["phone_number_id"] = phone_number_id
    return json.dumps(envelope).encode()


def _meta_post(client, body: bytes, secret: str):
    from conversations.channels.meta.webhook import signature

    return client.post(
        "/webhooks/meta/whatsapp/",
        body,
        content_type="application/json",
        HTTP_X_HUB_SIGNATURE_256=signature(body, secret=secret),
    )


def test_a_meta_number_on_its_own_app_is_verified_with_its_secret_and_answers_with_its_token(
    sol_own_accounts, client, fake_graph, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert _meta_post(client, _meta_body(SOL_META, "wamid.SOL1"), APP_SECRET).status_code == 403
        assert _meta_post(client, _meta_body(SOL_META, "wamid.SOL2"), SOL_SECRET).status_code == 200
        assert _meta_post(client, _meta_body("123456123", "wamid.VISTA1"), APP_SECRET).status_code == 200

    sent = {request.path.split("/")[-2]: request.auth for request in fake_graph.messages()}
    assert sent == {SOL_META: f"Bearer {SOL_ACCESS}", "123456123": f"Bearer {ACCESS_TOKEN}"}


def test_a_numbers_own_templates_serve_it_and_the_deployments_serve_the_rest(sol_own_accounts, settings):
    settings.TWILIO_REMINDER_CONTENT_SIDS = {"pt-BR": "HX" + "1" * 32}

    sol, vista = channel_for("twilio", address=SOL_TWILIO), channel_for("twilio", address=VISTA_TWILIO)

    assert sol.has_template("reminder", "es") and not sol.has_template("reminder", "pt-BR")
    assert vista.has_template("reminder", "pt-BR") and not vista.has_template("reminder", "es")


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (
            {"auth_token_env": "SOL_TWILIO_AUTH_TOKEN"},
            "channels[0].account_sid_env: is required with auth_token_env",
        ),
        (
            {"account_sid_env": "SOL_TWILIO_ACCOUNT_SID", "auth_token_env": "NOT_SET_ANYWHERE"},
            "channels[0].auth_token_env: the environment variable NOT_SET_ANYWHERE is not set",
        ),
        (
            {"account_sid_env": "sol sid", "auth_token_env": "SOL_TWILIO_AUTH_TOKEN"},
            'channels[0].account_sid_env: "sol sid" is not an environment variable name',
        ),
        (
            {"templates": {"welcome": {"es": "HX1"}}},
            "channels[0].templates.welcome: unknown template purpose",
        ),
        ({"auth_token": "secret-in-the-file"}, "channels[0].auth_token: unknown key"),
    ],
)
def test_a_bad_credentials_entry_is_refused_naming_the_field(monkeypatch, tmp_path, db, entry, problem):
    monkeypatch.setenv("SOL_TWILIO_ACCOUNT_SID", SOL_SID)
    monkeypatch.setenv("SOL_TWILIO_AUTH_TOKEN", SOL_TOKEN)
    data = sol_file()
    data["channels"] = [{"provider": "twilio", "number": SOL_TWILIO} | entry]

    with pytest.raises(CommandError) as raised:
        load(tmp_path, "sol", data)

    assert problem in str(raised.value)

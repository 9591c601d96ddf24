import httpx
import pytest

from tests.fakes.anthropic_server import FakeAnthropic

pytestmark = pytest.mark.sqlite


@pytest.fixture
def fake():
    server = FakeAnthropic().start()
    yield server
    server.stop()


def post(fake: FakeAnthropic, headers: dict[str, str]) -> httpx.Response:
    body = {
        "model": "claude-haiku-4-5",
        "max_tokens": 10,
        "messages": [{"role": "user", "content": "hi"}],
    }
    return httpx.post(f"{fake.base_url}/v1/messages", json=body, headers=headers, timeout=5)


def test_the_fake_accepts_the_older_x_api_key_header(fake):
    response = post(fake, {"x-api-key": "test", "anthropic-version": "2023-06-01"})
    assert response.status_code == 200
    assert response.json()["content"][0]["type"] == "tool_use"


def test_the_fake_refuses_a_request_without_a_key(fake):
    response = post(fake, {})
    assert response.status_code == 401
    assert response.json()["error"]["type"] == "authentication_error"


def test_the_fake_answers_a_rate_limit_in_the_real_error_shape(fake):
    fake.behaviour.status = 429
    response = post(fake, {"authorization": "Bearer test"})
    assert response.status_code == 429
    assert response.json() == {
        "type": "error",
        "error": {"type": "rate_limit_error", "message": "slow down"},
    }

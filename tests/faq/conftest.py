from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from django.contrib.auth.models import Group, Permission, User

from clinicbot.access import CONTENT_ADMIN, RECEPTION
from conversations.faq.clinic_file import faq_file_parse
from conversations.faq.eval.report import demo_index
from conversations.faq.retrieval import FaqIndex
from conversations.faq.services import FaqSpec, faq_load
from tests.fakes.anthropic_server import FakeAnthropic

EXAMPLE = Path(__file__).resolve().parents[2] / "clinic.example.yaml"
PHONE = "+551140001234"


def demo_specs() -> list[FaqSpec]:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return faq_file_parse(data["faq"], languages=["pt-BR", "es", "en"])


@pytest.fixture(scope="session")
def index() -> FaqIndex:
    return demo_index(EXAMPLE)


@pytest.fixture
def demo_faq(db) -> dict[str, int]:
    return faq_load(specs=demo_specs())


def _staff(username: str, role: str) -> User:
    user = User.objects.create_user(username, password="pw", is_staff=True)
    group, _ = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    perms = Permission.objects.filter(content_type__app_label="conversations", codename__contains="faq")
    user.user_permissions.add(*perms)
    return user


@pytest.fixture
def content_admin(db) -> User:
    return _staff("carla", CONTENT_ADMIN)


@pytest.fixture
def receptionist(db) -> User:
    """Staff who may edit FAQ drafts in the admin but not approve them."""
    return _staff("rita", RECEPTION)


@pytest.fixture
def fake_anthropic(settings) -> Iterator[FakeAnthropic]:
    fake = FakeAnthropic().start()
    settings.ANTHROPIC_API_KEY = "test"
    settings.ANTHROPIC_BASE_URL = fake.base_url
    settings.NLU_TIMEOUT_SECONDS = 1.0
    settings.NLU_MODEL = "claude-haiku-4-5-20251001"
    yield fake
    fake.stop()

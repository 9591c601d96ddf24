"""Failed-login throttling: counted before the password is checked, per (address, username)
and per username, and a success clears only its own counter."""

import threading
import time
import uuid
from unittest import mock

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.backends import ModelBackend
from django.test import RequestFactory

from clinicbot.auth import MAX_FAILURES, MAX_FAILURES_PER_USERNAME
from tests.staff.factories import PASSWORD, receptionist

pytestmark = pytest.mark.sqlite


def from_address(address: str):
    return RequestFactory().post("/accounts/login/", REMOTE_ADDR=address)


def attempt(username: str, password: str, address: str = "10.0.0.1"):
    return authenticate(from_address(address), username=username, password=password)


def fail(username: str, times: int, address: str = "10.0.0.1") -> None:
    for _ in range(times):
        assert attempt(username, "wrong", address) is None


@pytest.fixture
def user(db):
    # A fresh name per test: the cache (Redis in CI) is shared by the test workers.
    return receptionist(username=f"marta-{uuid.uuid4().hex[:8]}")


def test_parallel_wrong_passwords_reach_the_password_check_at_most_five_times():
    username = f"target-{uuid.uuid4().hex[:8]}"
    checked = []

    def slow_wrong_password(self, request, username=None, password=None, **kwargs):
        checked.append(password)
        time.sleep(0.2)  # hashing takes time: the other attempts arrive meanwhile
        return None

    with mock.patch.object(ModelBackend, "authenticate", slow_wrong_password):
        threads = [threading.Thread(target=attempt, args=(username, f"guess-{n}")) for n in range(15)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert len(checked) == MAX_FAILURES


@pytest.mark.django_db
def test_five_failures_from_one_address_lock_the_username_there(user):
    fail(user.username, MAX_FAILURES)

    assert attempt(user.username, PASSWORD) is None


@pytest.mark.django_db
def test_one_address_failing_for_one_user_does_not_lock_other_users_behind_it(user):
    colleague = receptionist(username=f"sam-{uuid.uuid4().hex[:8]}")
    fail(user.username, MAX_FAILURES + 3)

    assert attempt(colleague.username, PASSWORD) == colleague


@pytest.mark.django_db
def test_a_username_failed_from_many_addresses_is_locked_everywhere(user):
    for n in range(MAX_FAILURES_PER_USERNAME):
        fail(user.username, 1, address=f"10.0.1.{n}")

    assert attempt(user.username, PASSWORD, address="10.0.2.1") is None


@pytest.mark.django_db
def test_a_success_clears_only_its_own_address_counter(user):
    fail(user.username, MAX_FAILURES - 1, address="10.0.0.1")
    fail(user.username, MAX_FAILURES - 1, address="10.0.0.2")

    assert attempt(user.username, PASSWORD, address="10.0.0.2") == user
    fail(user.username, 1, address="10.0.0.1")

    assert attempt(user.username, PASSWORD, address="10.0.0.1") is None
    assert attempt(user.username, PASSWORD, address="10.0.0.2") == user


@pytest.mark.django_db
def test_logging_in_often_does_not_lock_a_user_out(user):
    for _ in range(MAX_FAILURES_PER_USERNAME + 5):
        assert attempt(user.username, PASSWORD) == user

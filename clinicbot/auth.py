"""Failed-login throttling for every login form (staff pages, admin, API session auth).

Every attempt is counted before its password is checked, with the cache's atomic
increment, so attempts made in parallel each see the others: of any number of parallel
guesses, at most five reach the password check. Two counters, each for 15 minutes from
its first attempt:

- one per (client address, username): five failures lock that username from that address,
  so a proxy address shared by the whole clinic never locks everybody behind it;
- one per username, from any address: twenty failures lock it everywhere, against
  guessing spread over many addresses.

A locked attempt gets the form's usual "incorrect username or password", so an attacker
learns nothing. A success clears its own (address, username) counter and takes its own
attempt back off the username's; it never touches another user's or address's counter.
"""

import contextlib
import hashlib

from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache

MAX_FAILURES = 5
MAX_FAILURES_PER_USERNAME = 20
LOCKOUT_SECONDS = 15 * 60


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:24]


def _keys(username: str, request) -> tuple[str, str]:
    """(the address-and-username counter, the username counter)."""
    name = _digest((username or "").strip().lower())
    address = _digest(request.META.get("REMOTE_ADDR", "") if request is not None else "")
    return f"login-fail:pair:{address}:{name}", f"login-fail:user:{name}"


def _count(key: str) -> int:
    """Add one attempt to `key`, atomically; returns the attempts in its window so far."""
    cache.add(key, 0, LOCKOUT_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, LOCKOUT_SECONDS)
        return 1


def _uncount(key: str) -> None:
    with contextlib.suppress(ValueError):  # expired meanwhile: nothing to take back
        cache.decr(key)


class ThrottledModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        pair, per_username = _keys(username or kwargs.get("email", ""), request)
        # Both counted before either is compared, and before the password is hashed.
        attempts = (_count(pair), _count(per_username))
        if attempts[0] > MAX_FAILURES or attempts[1] > MAX_FAILURES_PER_USERNAME:
            return None
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None:
            cache.delete(pair)
            _uncount(per_username)
        return user

"""Failed-login throttling for every login form (staff pages, admin, API session auth).

After five failures for one username, or from one client address, within 15 minutes, the
backend refuses further attempts until the window passes; the form shows its usual
"incorrect username or password" message, so an attacker learns nothing.
"""

import hashlib

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.dispatch import receiver

MAX_FAILURES = 5
LOCKOUT_SECONDS = 15 * 60


def _keys(username: str, request) -> list[str]:
    digest = lambda value: hashlib.sha256(value.encode()).hexdigest()[:24]  # noqa: E731
    keys = [f"login-fail:user:{digest((username or '').strip().lower())}"]
    if request is not None:
        keys.append(f"login-fail:addr:{digest(request.META.get('REMOTE_ADDR', ''))}")
    return keys


def login_locked(username: str, request) -> bool:
    return any((cache.get(key) or 0) >= MAX_FAILURES for key in _keys(username, request))


class ThrottledModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if login_locked(username or kwargs.get("email", ""), request):
            return None
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None:
            cache.delete_many(_keys(username, request))
        return user


@receiver(user_login_failed)
def count_failure(sender, credentials: dict, request=None, **kwargs) -> None:
    for key in _keys(credentials.get("username", ""), request):
        if cache.add(key, 1, LOCKOUT_SECONDS):
            continue
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, LOCKOUT_SECONDS)

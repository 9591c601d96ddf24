import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session", autouse=True)
def database_connections_closed_before_playwright_stops(django_db_setup, playwright):
    """While Playwright's sync API is started, its event loop counts as running in this
    thread, so Django keeps this thread's database connections per context instead of per
    thread. Connections opened meanwhile must be closed before Playwright stops, or the
    test databases cannot be dropped at the end of the run."""
    yield
    from django.db import connections

    connections.close_all()

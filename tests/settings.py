"""The test run's settings: clinicbot.settings as `make demo` runs it, with DEBUG on at
start-up (so the embedded development key is accepted and no https redirect is armed);
pytest-django still runs each test with settings.DEBUG off. Tests of the production
defaults run manage.py in a subprocess with clinicbot.settings and their own environment.
"""

import os

os.environ.setdefault("DEBUG", "true")

from clinicbot.settings import *  # noqa: F403

"""python manage.py nlu_eval [--failures]: print the NLU evaluation table; exit 1 if a figure fails."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from conversations.understanding.eval.report import figures, table


def shared_data_root() -> Path:
    """`../shared/data` beside the repository, or CLINICBOT_SHARED_DATA."""
    override = os.environ.get("CLINICBOT_SHARED_DATA")
    if override:
        return Path(override)
    return Path(settings.BASE_DIR).parent / "shared" / "data"


class Command(BaseCommand):
    help = "Evaluate the local NLU engine on shared data and our labelled set."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--failures", action="store_true", help="also print every miss")

    def handle(self, *args, **options) -> None:
        root = shared_data_root()
        if not (root / "recognizers_datetime").is_dir():
            raise CommandError(f"shared data not found at {root} (set CLINICBOT_SHARED_DATA)")
        notes: list[str] = []
        failures: list[str] = []
        rows = figures(root, notes=notes, failures=failures)
        if options["failures"]:
            self.stdout.write("\n".join(failures))
        self.stdout.write(table(rows))
        self.stdout.write("\n".join(notes))
        failed = [row.name for row in rows if not row.passed]
        if failed:
            raise CommandError(f"below threshold: {', '.join(failed)}")

"""python manage.py faq_eval: print the FAQ evaluation table; exit 1 if a figure fails."""

import time

from django.core.management.base import BaseCommand, CommandError

from conversations.faq.eval.report import SETS, demo_index, figures, load, table


class Command(BaseCommand):
    help = "Evaluate FAQ retrieval and limits on the labelled and held-out questions."

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        index = demo_index()
        results = {name: figures(load(paths), index, name=name) for name, paths in SETS.items()}
        self.stdout.write(table(results))
        self.stdout.write(f"({time.perf_counter() - started:.2f} s)")
        failed = [f"{name}: {f.name}" for name, rows in results.items() for f in rows if not f.passed]
        if failed:
            raise CommandError(f"below threshold: {'; '.join(failed)}")

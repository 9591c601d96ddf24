"""python manage.py nlu_eval: print the NLU evaluation table; exit 1 if a figure fails."""

from django.core.management.base import BaseCommand, CommandError

from conversations.nlu.eval.report import figures, shared_data_root, table


class Command(BaseCommand):
    help = "Evaluate the local NLU engine on shared data and our labelled set."

    def handle(self, *args, **options) -> None:
        root = shared_data_root()
        if not (root / "recognizers_datetime").is_dir():
            raise CommandError(f"shared data not found at {root} (set CLINICBOT_SHARED_DATA)")
        rows = figures(root)
        self.stdout.write(table(rows))
        failed = [row.name for row in rows if not row.passed]
        if failed:
            raise CommandError(f"below threshold: {', '.join(failed)}")

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scheduling.clinic_file import ClinicFileError, clinic_file_read
from scheduling.services import clinic_load


class Command(BaseCommand):
    help = "Create or update the clinic from a clinic file (YAML); see docs/scheduling.md."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            spec = clinic_file_read(file.read_text(encoding="utf-8"))
        except OSError as exc:
            raise CommandError(f"{file}: {exc.strerror}") from exc
        except ClinicFileError as exc:
            raise CommandError(
                f"{file} was not loaded:\n" + "\n".join(f"  {p}" for p in exc.problems)
            ) from exc
        counts = clinic_load(spec=spec)
        summary = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Loaded {spec.name}: {summary}."))

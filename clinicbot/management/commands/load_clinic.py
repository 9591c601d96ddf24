from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from conversations.faq.clinic_file import faq_file_parse
from conversations.faq.services import faq_load
from conversations.understanding.languages import SPELLINGS
from scheduling.clinic_file import ClinicFileError, clinic_file_read
from scheduling.clinic_load import clinic_load


class Command(BaseCommand):
    # Wiring: one file feeds the calendar (scheduling) and the approved answers (conversations).
    help = "Create or update the clinic from a clinic file (YAML); see docs/scheduling.md."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            spec = clinic_file_read(file.read_text(encoding="utf-8"), languages=SPELLINGS)
            faq = faq_file_parse(spec.faq, languages=spec.languages)
        except OSError as exc:
            raise CommandError(f"{file}: {exc.strerror}") from exc
        except ClinicFileError as exc:
            raise CommandError(
                f"{file} was not loaded:\n" + "\n".join(f"  {p}" for p in exc.problems)
            ) from exc
        with transaction.atomic():
            counts = clinic_load(spec=spec)
            counts |= faq_load(specs=faq)
        summary = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Loaded {spec.name}: {summary}."))

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from clinicbot.tenancy import clinic_scope
from conversations.faq.clinic_file import faq_file_parse
from conversations.faq.services import faq_load
from conversations.routing import numbers_file_parse, numbers_load
from conversations.understanding.languages import SPELLINGS
from scheduling.clinic_file import ClinicFileError, clinic_file_read
from scheduling.clinic_load import clinic_for_file, clinic_load


class Command(BaseCommand):
    # Wiring: one file feeds the calendar (scheduling) and the approved answers (conversations).
    help = "Create or update the clinic a clinic file (YAML) describes, and only it; see docs/scheduling.md."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            spec = clinic_file_read(file.read_text(encoding="utf-8"), languages=SPELLINGS)
            faq = faq_file_parse(spec.faq, languages=spec.languages)
            numbers = numbers_file_parse(spec.channels)
            with transaction.atomic():
                counts = clinic_load(spec=spec)
                clinic = clinic_for_file(code=spec.code)
                with clinic_scope(clinic.pk):
                    counts |= faq_load(specs=faq)
                    counts |= numbers_load(clinic_id=clinic.pk, specs=numbers)
        except OSError as exc:
            raise CommandError(f"{file}: {exc.strerror}") from exc
        except ClinicFileError as exc:
            raise CommandError(
                f"{file} was not loaded:\n" + "\n".join(f"  {p}" for p in exc.problems)
            ) from exc
        summary = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Loaded {spec.name}: {summary}."))

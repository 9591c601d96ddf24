"""python manage.py erase_patient_data --phone +447700900123 --yes [--actor USERNAME] [--clinic CODE]"""

from django.core.management.base import BaseCommand, CommandError

from clinicbot.tenancy import clinic_scope
from conversations.management.commands._patient_args import (
    actor_user_id,
    command_clinic_id,
    patient_arguments_add,
)
from conversations.privacy import PatientNotFound, patient_data_erase


class Command(BaseCommand):
    help = "Anonymise everything stored about one patient; appointments stay as history (audited)."

    def add_arguments(self, parser) -> None:
        patient_arguments_add(parser)
        parser.add_argument("--yes", action="store_true", help="confirm: erasure cannot be undone")

    def handle(self, *args, **options) -> None:
        if not options["yes"]:
            raise CommandError("erasure cannot be undone; add --yes to confirm")
        try:
            with clinic_scope(command_clinic_id(options["clinic"])):
                counts = patient_data_erase(
                    phone=options["phone"],
                    patient_id=options["patient_id"],
                    actor_user_id=actor_user_id(options["actor"]),
                )
        except (PatientNotFound, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write("erased: " + ", ".join(f"{name} {count}" for name, count in counts.items()))

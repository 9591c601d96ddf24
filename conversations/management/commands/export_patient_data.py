"""python manage.py export_patient_data --phone +447700900123 [--output FILE] [--actor USERNAME] [--clinic CODE]"""

import json

from django.core.management.base import BaseCommand, CommandError

from clinicbot.tenancy import clinic_scope
from conversations.management.commands._patient_args import (
    actor_user_id,
    command_clinic_id,
    patient_arguments_add,
)
from conversations.privacy import PatientNotFound, patient_data_export


class Command(BaseCommand):
    help = "Export everything stored about one patient as JSON (audited)."

    def add_arguments(self, parser) -> None:
        patient_arguments_add(parser)
        parser.add_argument("--output", help="write the JSON to this file instead of stdout")

    def handle(self, *args, **options) -> None:
        try:
            with clinic_scope(command_clinic_id(options["clinic"])):
                data = patient_data_export(
                    phone=options["phone"],
                    patient_id=options["patient_id"],
                    actor_user_id=actor_user_id(options["actor"]),
                )
        except (PatientNotFound, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        text = json.dumps(data, indent=2, ensure_ascii=False)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as file:
                file.write(text + "\n")
            self.stderr.write(f"wrote {options['output']}")
        else:
            self.stdout.write(text)

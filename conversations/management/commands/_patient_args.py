"""Arguments and lookups shared by the export_patient_data and erase_patient_data commands."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError, CommandParser


def patient_arguments_add(parser: CommandParser) -> None:
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--phone", help="the patient's phone number (E.164 or any common format)")
    who.add_argument("--patient-id", type=int, help="the patient record's id")
    parser.add_argument("--actor", help="username of the staff member asking (audited)")


def actor_user_id(username: str | None) -> int | None:
    if username is None:
        return None
    user_id = get_user_model().objects.filter(username=username).values_list("pk", flat=True).first()
    if user_id is None:
        raise CommandError(f"no user named {username!r}")
    return user_id

"""Arguments and lookups shared by the export_patient_data and erase_patient_data commands."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError, CommandParser

from scheduling.models import Clinic


def patient_arguments_add(parser: CommandParser) -> None:
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--phone", help="the patient's phone number (E.164 or any common format)")
    who.add_argument("--patient-id", type=int, help="the patient record's id")
    parser.add_argument("--actor", help="username of the staff member asking (audited)")
    parser.add_argument(
        "--clinic", help="the code of the clinic whose patient this is (required when several clinics share)"
    )


def actor_user_id(username: str | None) -> int | None:
    if username is None:
        return None
    user_id = get_user_model().objects.filter(username=username).values_list("pk", flat=True).first()
    if user_id is None:
        raise CommandError(f"no user named {username!r}")
    return user_id


def command_clinic_id(code: str | None) -> int | None:
    """The clinic the command acts in: the one `--clinic` names; without it the deployment's
    only clinic (None when there is none yet). A phone is one patient per clinic, so with
    several clinics the command must be told which."""
    clinics = dict(Clinic.objects.order_by("code").values_list("code", "id"))
    codes = ", ".join(clinics)
    if code is not None:
        if code not in clinics:
            raise CommandError(f"no clinic with code {code!r}; the clinics are: {codes}")
        return clinics[code]
    if len(clinics) > 1:
        raise CommandError(f"several clinics share this deployment; name one with --clinic ({codes})")
    return next(iter(clinics.values()), None)

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, CommandError, call_command

DEMO_PASSWORD = "clinicbot-demo"
DEMO_CLINIC = Path(settings.BASE_DIR) / "clinic.example.yaml"


class Command(BaseCommand):
    help = "Prepare the embedded demo: load the example clinic and create demo staff accounts."

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "demo_setup creates accounts with a published password; it runs only with DEBUG on"
            )
        if DEMO_CLINIC.exists() and "load_clinic" in _commands():
            call_command("load_clinic", str(DEMO_CLINIC), verbosity=0)
            self.stdout.write(f"Loaded the demo clinic from {DEMO_CLINIC.name}")
        user_model = get_user_model()
        if not user_model.objects.filter(username="admin").exists():
            user_model.objects.create_superuser("admin", "admin@clinic.example", DEMO_PASSWORD)
        self.stdout.write(f"Demo admin:  admin / {DEMO_PASSWORD}  (http://127.0.0.1:8000/admin/)")


def _commands() -> set[str]:
    from django.core.management import get_commands

    return set(get_commands())

from django.apps import AppConfig


class ClinicbotConfig(AppConfig):
    name = "clinicbot"

    def ready(self) -> None:
        from clinicbot import checks  # noqa: F401  (registers the system checks)

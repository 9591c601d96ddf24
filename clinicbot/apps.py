from django.apps import AppConfig


class ClinicbotConfig(AppConfig):
    name = "clinicbot"

    def ready(self) -> None:
        from clinicbot import auth, checks  # noqa: F401  (registers the checks and the login signal)

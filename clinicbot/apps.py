from django.apps import AppConfig


class ClinicbotConfig(AppConfig):
    name = "clinicbot"

    def ready(self) -> None:
        from clinicbot import checks  # noqa: F401  (registers the checks)
        from clinicbot.logging import mask_every_handler

        # Django's own handlers (django.server's request lines) come from its defaults,
        # not from our LOGGING, so the filter is added to them here.
        mask_every_handler()

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import BaseCommand, CommandError, call_command

from clinicbot.access import CONTENT_ADMIN, OPERATIONS_LEAD, RECEPTION
from conversations.channels.base import IncomingMessage
from conversations.inbox import inbound_receive
from conversations.models import Conversation

DEMO_PASSWORD = "clinicbot-demo"
# Patients chatting before you arrive, so the staff pages have something to show.
DEMO_CHATS = [
    (
        "+5511987654321",
        "João",
        ["Oi, quero marcar um check-up com a Dra. Ana na sexta de manhã", "2", "1", "obrigado!"],
    ),
    ("+5491155551234", "Sofía", ["Hola", "quiero hablar con una persona, por favor"]),
    ("+14155550123", "Emily", ["I have a crushing chest pain and my left arm is numb"]),
    ("+5511976543210", "Paulo", ["Bom dia, queria agendar uma consulta de dermatologia"]),
]
DEMO_STAFF = [
    ("reception", "Marta", RECEPTION),
    ("opslead", "Olivia", OPERATIONS_LEAD),
    ("content", "Carlos", CONTENT_ADMIN),
]
DEMO_CLINIC = Path(settings.BASE_DIR) / "clinic.example.yaml"


class Command(BaseCommand):
    help = "Prepare the embedded demo: load the example clinic and create demo staff accounts."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "demo_setup creates accounts with a published password; it runs only with DEBUG on"
            )
        call_command("load_clinic", str(DEMO_CLINIC), verbosity=0)
        self.stdout.write(f"Loaded the demo clinic from {DEMO_CLINIC.name}")
        if not Conversation.objects.exists():
            for phone, name, lines in DEMO_CHATS:
                for line in lines:
                    inbound_receive(
                        message=IncomingMessage(
                            provider_message_id="SM" + uuid.uuid4().hex,
                            channel_user_id=phone.lstrip("+"),
                            phone_e164=phone,
                            profile_name=name,
                            kind="text",
                            text=line,
                            raw_payload={"demo": True, "text": line},
                        )
                    )
            self.stdout.write(f"Replayed {len(DEMO_CHATS)} demo conversations through the bot")
        user_model = get_user_model()
        if not user_model.objects.filter(username="admin").exists():
            user_model.objects.create_superuser("admin", "admin@clinic.example", DEMO_PASSWORD)
        for username, first_name, role in DEMO_STAFF:
            user, created = user_model.objects.get_or_create(
                username=username, defaults={"first_name": first_name, "is_staff": True}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.add(Group.objects.get_or_create(name=role)[0])
        base = options["base_url"].rstrip("/")
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        self.stdout.write(f"  admin        superuser        {base}/admin/")
        for username, _, role in DEMO_STAFF:
            self.stdout.write(f"  {username:<12} {role:<16} {base}/staff/")

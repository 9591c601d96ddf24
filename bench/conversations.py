"""Concurrent booking conversations: gunicorn + real Celery workers + PostgreSQL + Redis +
the Twilio fake, with the local understanding engine.

N simulated new patients each book an appointment in their own language (name, date of
birth, type, day, slot, yes); when a slot was taken meanwhile they pick the next offer.
Prints per-turn latency (webhook sent -> reply request received by the fake Twilio),
bookings per minute, and checks that no message was lost and no slot double-booked.
Baseline in the same run: the webhook's acknowledgement latency. Goal: p95 <= 250 ms.
"""

import argparse
import asyncio
import os
import random
import subprocess
import sys
import time
import uuid

from common import (
    ROOT,
    FakeTwilio,
    _connection,
    _read_response,
    app_env,
    migrate,
    processes,
    require_services,
    signed_webhook,
    summary,
)
from stack import Inbox

SCRIPTS = {
    "en": ["Hi, I'd like to book an appointment", "{name}", "12/03/1985", "1", "{day}", "1", "yes"],
    "es": ["Hola, quiero pedir una cita", "{name}", "12/03/1985", "1", "{day}", "1", "sí"],
    "pt-BR": ["Oi, quero marcar uma consulta", "{name}", "12/03/1985", "1", "{day}", "1", "sim"],
}
DAYS = {
    "en": ["next Monday", "next Tuesday", "next Wednesday", "next Thursday", "next Friday"],
    "es": ["el próximo lunes", "el próximo martes", "el próximo miércoles", "el próximo jueves"],
    "pt-BR": ["segunda que vem", "terça que vem", "quarta que vem", "quinta que vem"],
}
NAMES = ["Ana Lima", "Bruno Costa", "Carla Dias", "Diego Rocha", "Elena Ruiz", "Felipe Souza", "Gina Torres"]
CONFIRM = ("Shall I book it?", "¿La reservo?", "Posso agendar?")
BOOKED = ("Booked!", "¡Reservada!", "Agendado!")


class Patient:
    def __init__(self, port: int, inbox: Inbox, phone: str, language: str) -> None:
        self.port, self.inbox, self.phone, self.language = port, inbox, phone, language
        self.latencies: list[float] = []
        self.acks: list[float] = []
        self.booked = False
        self.silent = 0
        self.seen = 0

    async def turn(self, text: str) -> str:
        reply = self.inbox.expect(self.phone)
        reader, writer = await _connection(self.port)
        started = time.monotonic()
        writer.write(signed_webhook(phone=self.phone, text=text))
        status = await _read_response(reader)
        self.acks.append((time.monotonic() - started) * 1000)
        writer.close()
        assert status == 200, status
        try:
            first = await asyncio.wait_for(reply, 20)
        except TimeoutError:
            self.silent += 1  # a chat handed to staff: the bot rightly stays silent
            return ""
        await asyncio.sleep(0.02)  # let a second reply of the same turn arrive
        mine = self.inbox.received[self.phone]
        new = mine[self.seen :]
        self.seen = len(mine)
        self.latencies.append((first.received_at - started) * 1000)
        return "\n".join(r.form.get("Body", "") for r in new)

    async def book(self) -> None:
        script = SCRIPTS[self.language]
        values = {"name": random.choice(NAMES), "day": random.choice(DAYS[self.language])}
        for line in script[:-2]:
            reply = await self.turn(line.format(**values))
            if not reply:
                return
        # Pick one of the offered times; when it was taken meanwhile, the bot offers the
        # next ones and the patient picks again, as a person would.
        for _ in range(8):
            reply = await self.turn(str(random.randint(1, 3)))
            if any(w in reply for w in CONFIRM):
                reply = await self.turn(script[-1])
            if any(w in reply for w in BOOKED):
                self.booked = True
                return
            if not reply:
                return


async def run(port: int, fake: FakeTwilio, patients: int, concurrency: int) -> list[Patient]:
    languages = list(SCRIPTS)
    base = uuid.uuid4().int % 10**4 * 1000
    inbox = Inbox(asyncio.get_running_loop())
    fake.listener = inbox.arrived
    crowd = [Patient(port, inbox, f"+551199{base + n:07d}", languages[n % 3]) for n in range(patients)]
    gate = asyncio.Semaphore(concurrency)

    async def one(patient: Patient) -> None:
        async with gate:
            await patient.book()

    await asyncio.gather(*(one(p) for p in crowd))
    return crowd


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=40, help="patients mid-conversation at once")
    parser.add_argument("--workers", type=int, default=2, help="Celery worker processes")
    args = parser.parse_args()
    require_services()
    random.seed(7)

    fake = FakeTwilio().start()
    queue = f"bench-{uuid.uuid4().hex[:6]}"
    env = app_env(fake, queue) | {"SENDER_MAX_MESSAGES_PER_MINUTE": "100"}
    migrate(env)
    subprocess.run(
        [sys.executable, "manage.py", "load_clinic", "clinic.example.yaml"],
        cwd=ROOT,
        env=os.environ | env,
        check=True,
        capture_output=True,
    )
    port = processes.free_port()
    web = processes.start_gunicorn(env, port=port, workers=2, log_path=ROOT / "bench" / "gunicorn.log")
    worker = processes.start_worker(
        env, queue=queue, concurrency=args.workers, log_path=ROOT / "bench" / "worker.log"
    )
    try:
        time.sleep(2.5)
        started = time.perf_counter()
        crowd = asyncio.run(run(port, fake, args.patients, args.concurrency))
        elapsed = time.perf_counter() - started
    finally:
        processes.stop(web)
        processes.stop(worker)
        fake.stop()

    os.environ.update(env)
    import django

    django.setup()
    from django.db.models import Count

    from conversations.models import InboundMessage
    from scheduling.models import Appointment

    phones = [p.phone for p in crowd]
    inbound = InboundMessage.objects.filter(conversation__phone_e164__in=phones)
    unprocessed = inbound.filter(processed_at__isnull=True).count()
    booked = Appointment.objects.filter(patient__phone_e164__in=phones, status="booked")
    overlaps = sum(
        Appointment.objects.filter(
            practitioner_id=a.practitioner_id, status="booked", start__lt=a.end, end__gt=a.start
        )
        .exclude(pk=a.pk)
        .count()
        for a in booked
    )
    per_patient = booked.values("patient__phone_e164").annotate(n=Count("id")).filter(n__gt=1).count()
    latencies = [x for p in crowd for x in p.latencies]
    acks = [x for p in crowd for x in p.acks]
    done = sum(p.booked for p in crowd)
    print(
        f"{args.patients} patients, {args.concurrency} at a time, gunicorn 2x4, celery prefork {args.workers}"
    )
    print(f"turns: {len(latencies)} in {elapsed:.1f} s = {len(latencies) / elapsed:.1f} turns/s")
    print(f"turn latency (webhook -> reply at Twilio): {summary(latencies)}")
    print(f"baseline, webhook ack alone:               {summary(acks)}")
    print(
        f"bookings completed: {done}/{args.patients}; {done / elapsed * 60:.0f} bookings/minute; "
        f"turns left unanswered (chat with staff): {sum(p.silent for p in crowd)}"
    )
    print(
        f"inbound stored {inbound.count()}, unprocessed {unprocessed} (lost: {unprocessed}); "
        f"booked appointments {booked.count()}, overlapping pairs {overlaps}, patients with two bookings {per_patient}"
    )
    sys.exit(1 if unprocessed or overlaps or per_patient else 0)


if __name__ == "__main__":
    main()

"""Fault drill: patients keep writing while the stack is broken on purpose.

Real gunicorn, two Celery worker processes, PostgreSQL (from bench/run), a Redis this
script owns, and the loopback Twilio fake. Window by window, new patients write while the
drill SIGKILLs a worker mid-send and restarts it, restarts Redis (its queue is lost: no
persistence), makes Twilio answer 500 to every other request, then makes it time out. It
plays beat itself (the sweeps every 2 s, short stale timeouts) and supervisor (a worker
that exits by itself is restarted and reported). At the end it waits until quiet and
audits every message sent: processed exactly once, one right reply, accepted by Twilio
exactly once (or marked failed and on the staff queue). Exits 1 on any loss or duplicate.
See docs/privacy-and-faults.md.

Every message is understood by the Claude engine (NLU_ENGINE=claude) against the loopback
Anthropic fake, and one window makes the model hang past its timeout: the local engine
must answer instead, each message once. With `--script booking` (the default) patients
hold booking conversations (book, move, cancel, again; each waits for the bot's reply) and
the fake model answers as the local engine reads the message (bench/model_standin.py);
the audit then also checks that every booking the bot confirmed exists, once. With
`--script greetings` or `stop-start` patients write on a schedule whatever the replies.
"""

import argparse
import asyncio
import os
import random
import signal
import sys
import threading
import time
import uuid
from collections import Counter

from common import require_services
from model_standin import standin_responder
from patients import SCRIPTS, BookingCycle, booking_markers_load
from stack import (
    Inbox,
    Sent,
    conversation_run,
    delivery_audit,
    overlapping_appointments,
    quiet_wait,
    stack_start,
    webhook_send,
)

# Each window has its own patients, who write for WRITE seconds and then fall silent. The
# fault starts FAULT_AT seconds in and lasts FAULT_FOR, so a patient's last messages meet it
# with no later message of theirs to nudge the conversation along: only recovery helps.
WINDOWS = [
    "calm",
    "worker SIGKILL",
    "redis restart",
    "twilio 500s",
    "twilio timeouts",
    "model timeouts",
    "calm after",
]
WRITE, FAULT_AT, FAULT_FOR = 10.0, 7.0, 6.0
TWILIO_TIMEOUT = 1.0
MODEL_TIMEOUT = 1.0


def sweep_all() -> None:
    from conversations.tasks import inbound_sweep, outbound_sweep

    for sweep in (inbound_sweep, outbound_sweep):
        try:
            sweep()
        except Exception as exc:  # the broker is down: beat would miss this tick too
            print(f"  sweep {sweep.__name__} skipped: {type(exc).__name__}", flush=True)


def fallbacks_count() -> int:
    from audit.models import TraceEvent

    return TraceEvent.objects.filter(
        type=TraceEvent.Type.INTENT_CLASSIFIED, payload__fallback_reason="timeout"
    ).count()


def reconciled_count() -> int:
    from audit.models import TraceEvent

    return TraceEvent.objects.filter(type=TraceEvent.Type.OUTBOUND_SENT, payload__reconciled=True).count()


def bookings_audit(sent: list[Sent], fake, script: BookingCycle) -> dict[str, int]:
    """Every "Booked!" or "moved" reply Twilio accepted names an appointment that exists and
    is the one its turn made; no patient holds two booked appointments (each books, moves,
    cancels in turn); no practitioner is booked twice at once."""
    from django.db.models import Count

    from audit.models import TraceEvent
    from conversations.models import OutboundMessage
    from scheduling.models import Appointment

    accepted = {r.sid for r in fake.requests if r.status == 201}
    phones = {s.phone for s in sent}
    confirmations = [
        o
        for o in OutboundMessage.objects.filter(conversation__phone_e164__in=phones).exclude(
            provider_message_id=None
        )
        if o.provider_message_id in accepted and script.kind(o.body) in ("booked", "rescheduled")
    ]
    made = {
        (event.conversation_id, event.payload.get("appointment_id"))
        for event in TraceEvent.objects.filter(
            conversation__phone_e164__in=phones,
            type__in=[TraceEvent.Type.APPOINTMENT_BOOKED, TraceEvent.Type.APPOINTMENT_RESCHEDULED],
        )
    }
    existing = set(Appointment.objects.filter(pk__in=[a for _, a in made]).values_list("pk", flat=True))
    exist = sum(1 for o in confirmations if any(c == o.conversation_id and a in existing for c, a in made))
    doubled = (
        Appointment.objects.filter(patient__phone_e164__in=phones, status=Appointment.Status.BOOKED)
        .values("patient_id")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )
    overlaps = overlapping_appointments()
    return {
        "confirmed": len(confirmations),
        "exist": exist,
        "missing": len(confirmations) - exist,
        "doubled": doubled,
        "overlaps": overlaps,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=12)
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between one patient's messages")
    parser.add_argument("--script", default="booking", choices=sorted([*SCRIPTS, "booking"]))
    parser.add_argument("--no-sweeps", action="store_true", help="show what is lost without the sweeps")
    args = parser.parse_args()
    require_services()
    from tests.fakes.anthropic_server import FakeAnthropic
    from tests.fakes.twilio_server import ScriptedResponse

    booking = args.script == "booking"
    script = BookingCycle("en", 0) if booking else SCRIPTS[args.script]()
    model = FakeAnthropic().start()
    model.behaviour.tool_input = {"intent": "greeting", "confidence": 0.95, "language": "en"}
    stack = stack_start(
        workers=2,
        clinic="clinic.example.yaml",
        extra_env={
            "INBOUND_STALE_SECONDS": "5",
            "OUTBOUND_STALE_SECONDS": "6",
            "TWILIO_TIMEOUT_SECONDS": str(TWILIO_TIMEOUT),
            "ANTHROPIC_API_KEY": "drill-key",
            "ANTHROPIC_BASE_URL": model.base_url,
            "NLU_ENGINE": "claude",
            "NLU_TIMEOUT_SECONDS": str(MODEL_TIMEOUT),
        },
    )
    if booking:
        booking_markers_load()
        model.behaviour.responder = standin_responder()
    events: list[str] = []
    sent: list[Sent] = []
    stop_sweeping = threading.Event()
    run = int(uuid.uuid4().int % 100000)

    crashed: list[str] = []

    def beat() -> None:
        while not stop_sweeping.wait(2):
            sweep_all()

    def supervise() -> None:
        # Like `restart: unless-stopped`: a worker that exits on its own is started again.
        while not stop_sweeping.wait(0.5):
            for name, worker in list(stack.workers.items()):
                if worker.poll() is not None and worker.returncode != -signal.SIGKILL:
                    crashed.append(
                        f"{name} exited {worker.returncode} at t={time.monotonic() - started:.1f}s"
                    )
                    note(f"{name} exited by itself ({worker.returncode}); supervisor restarts it")
                    stack.start_worker(name)

    def note(text: str) -> None:
        line = f"  t={time.monotonic() - started:5.1f}s {text}"
        events.append(line)
        print(line, flush=True)

    async def booker(window: int, index: int, inbox: Inbox) -> None:
        """Answers each reply; a reply that does not come (the chat went to staff) ends it."""
        phone = f"+55119{run:05d}{window}{index:02d}"
        patient_script = BookingCycle(("en", "es", "pt-BR")[index % 3], seed=run + window * 100 + index)
        until = time.monotonic() + WRITE
        await asyncio.sleep(random.random() * args.interval)
        await conversation_run(
            stack.port,
            inbox,
            phone,
            patient_script,
            until=until,
            log=sent,
            tag=WINDOWS[window],
            think=args.interval,
            reply_timeout=25,
        )

    async def patient(window: int, index: int) -> None:
        phone = f"+1555{run:03d}{window}{index:03d}"
        until = time.monotonic() + WRITE
        turn = 0
        await asyncio.sleep(random.random() * args.interval)
        while time.monotonic() < until:
            text = script.next_message(turn)
            sid, tries = await webhook_send(stack.port, phone, text)
            sent.append(Sent(sid, phone, text, WINDOWS[window], time.monotonic(), tries))
            turn += 1
            await asyncio.sleep(args.interval * (0.5 + random.random()))

    async def fault(tag: str) -> None:
        await asyncio.sleep(FAULT_AT)
        if tag == "worker SIGKILL":
            # A slow Twilio keeps both workers busy sending, so the kill lands mid-send.
            stack.fake.default_delay = 0.4
            await asyncio.sleep(1)
            os.kill(stack.workers["w1"].pid, signal.SIGKILL)
            note("w1 SIGKILLed while sending (twilio answering in 0.4 s)")
            stack.fake.default_delay = 0
            await asyncio.sleep(FAULT_FOR - 1)
            stack.start_worker("w1")
            note("w1 restarted")
        elif tag == "redis restart":
            stack.redis.stop()
            note("redis stopped (its queue is gone)")
            await asyncio.sleep(FAULT_FOR)
            stack.redis.start()
            note("redis started")
        elif tag == "twilio 500s":
            stack.fake.failure_rate_every = 2
            note("twilio answers 500 to every other request")
            await asyncio.sleep(FAULT_FOR)
            stack.fake.failure_rate_every = 0
            note("twilio healthy")
        elif tag == "model timeouts":
            model.behaviour.delay_seconds = MODEL_TIMEOUT * 3
            note(f"the model hangs past its {MODEL_TIMEOUT:g} s timeout (the local engine answers)")
            await asyncio.sleep(FAULT_FOR)
            model.behaviour.delay_seconds = 0
            note("the model answers again")
        elif tag == "twilio timeouts":
            stack.fake.script = [ScriptedResponse(status=503, delay=TWILIO_TIMEOUT + 0.5)] * 100000
            note(f"twilio hangs past the {TWILIO_TIMEOUT:g} s client timeout")
            await asyncio.sleep(FAULT_FOR)
            stack.fake.script = []
            note("twilio healthy")

    async def drive() -> None:
        inbox = Inbox(asyncio.get_running_loop())
        stack.fake.listener = inbox.arrived
        for window, tag in enumerate(WINDOWS):
            note(f"window: {tag} ({args.patients} new patients)")
            writers = (
                booker(window, i, inbox) if booking else patient(window, i) for i in range(args.patients)
            )
            await asyncio.gather(fault(tag), *writers)

    time.sleep(3)  # workers connect to the broker
    started = time.monotonic()
    threading.Thread(target=supervise, daemon=True).start()
    if not args.no_sweeps:
        threading.Thread(target=beat, daemon=True).start()
    try:
        asyncio.run(drive())
        note("patients stopped; waiting until quiet")
        quiet = quiet_wait(timeout=30 if args.no_sweeps else 75, sweep=lambda: None)
        note(f"quiet after {quiet:.1f}s")
        stop_sweeping.set()
        result = delivery_audit(sent, stack.fake, script)
        reconciled = reconciled_count()
        bookings = bookings_audit(sent, stack.fake, script) if booking else None
    finally:
        stop_sweeping.set()
        stack.stop()
        model.stop()

    print(
        f"\n{args.patients} patients ({script.name}), one message each per ~{args.interval:g}s, "
        f"2 Celery workers (solo), gunicorn 2x4; sweeps {'OFF' if args.no_sweeps else 'every 2 s'}; "
        "shared 2-core machine"
    )
    columns = ["sent", "answered", "failed_surfaced", "lost", "duplicated"]
    print(f"{'fault window':<18}" + "".join(f"{c:>17}" for c in columns))
    total = Counter()
    for tag in WINDOWS:
        counts = result.get(tag, Counter())
        total.update(counts)
        print(f"{tag:<18}" + "".join(f"{counts[c]:>17}" for c in columns))
    print(f"{'total':<18}" + "".join(f"{total[c]:>17}" for c in columns))
    details = {k: v for k, v in total.items() if k.startswith("lost:")}
    if details:
        print("lost because:", details)
    print(f"replies found already at Twilio after an unknown outcome (not sent again): {reconciled}")
    print(f"workers that exited by themselves and were restarted: {crashed or 'none'}")
    retried = sum(1 for s in sent if s.tries > 1)
    print(f"webhooks that needed a retry (not a 200 at once): {retried}")
    twilio = Counter(r.status for r in stack.fake.requests)
    print(f"Twilio fake answered: {dict(sorted(twilio.items()))} ({len(stack.fake.requests)} requests)")
    print(
        f"model fake asked {len(model.requests)} times; understood by the local engine after a model "
        f"timeout: {fallbacks_count()}"
    )
    failed = total["lost"] + total["duplicated"]
    if bookings is not None:
        print(
            f"bookings: {bookings['confirmed']} confirmed to patients (booked or moved), "
            f"{bookings['exist']} of them in the calendar, {bookings['missing']} missing; "
            f"patients holding two booked appointments {bookings['doubled']}; "
            f"overlapping appointments {bookings['overlaps']}"
        )
        failed += bookings["missing"] + bookings["doubled"] + bookings["overlaps"]
    print("RESULT:", "FAIL" if failed else "OK", f"({total['lost']} lost, {total['duplicated']} duplicated)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

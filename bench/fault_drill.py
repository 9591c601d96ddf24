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

With `--script greetings` (the default) every message is understood by the Claude engine
(NLU_ENGINE=claude) against the loopback Anthropic fake, and one more window makes the
model hang past its timeout: the local engine must answer instead, each message once.
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
from patients import SCRIPTS
from stack import Sent, delivery_audit, quiet_wait, stack_start, webhook_send

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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=12)
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between one patient's messages")
    parser.add_argument("--script", default="greetings", choices=sorted(SCRIPTS))
    parser.add_argument("--no-sweeps", action="store_true", help="show what is lost without the sweeps")
    args = parser.parse_args()
    require_services()
    from tests.fakes.anthropic_server import FakeAnthropic
    from tests.fakes.twilio_server import ScriptedResponse

    script = SCRIPTS[args.script]()
    model = FakeAnthropic().start()
    model.behaviour.tool_input = {"intent": "greeting", "confidence": 0.95, "language": "en"}
    stack = stack_start(
        workers=2,
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
    events: list[str] = []
    sent: list[Sent] = []
    stop_sweeping = threading.Event()
    run = int(uuid.uuid4().int % 1000)

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
        for window, tag in enumerate(WINDOWS):
            note(f"window: {tag} ({args.patients} new patients)")
            await asyncio.gather(fault(tag), *(patient(window, i) for i in range(args.patients)))

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
    print("RESULT:", "FAIL" if failed else "OK", f"({total['lost']} lost, {total['duplicated']} duplicated)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

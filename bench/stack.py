"""The real stack for the drill and the load bench: a Redis the script owns (so it can be
restarted), gunicorn, Celery workers, the Twilio fake; and the exactly-once audit that
compares what patients sent with the database and with what the fake accepted."""

import asyncio
import os
import random
import subprocess
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from common import ROOT, FakeTwilio, _connection, _read_response, app_env, processes, signed_webhook

LOGS = ROOT / "bench" / "results"


class Redis:
    """A throw-away redis-server in the foreground, restartable on the same port."""

    def __init__(self) -> None:
        self.port = processes.free_port()
        self.dir = tempfile.mkdtemp(prefix="clinicbot-drill-redis.")
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}"

    def start(self) -> "Redis":
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            cwd=self.dir,
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            if subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True).stdout:
                return self
            time.sleep(0.05)
        raise RuntimeError("redis did not start")

    def stop(self) -> None:
        if self.process is not None:
            processes.stop(self.process)
            self.process = None


@dataclass
class Stack:
    fake: FakeTwilio
    redis: Redis
    env: dict[str, str]
    queue: str
    port: int = 0
    threads: int = 1  # per worker process: 1 is the solo pool
    web: subprocess.Popen | None = None
    workers: dict[str, subprocess.Popen] = field(default_factory=dict)

    def start_worker(self, name: str) -> None:
        LOGS.mkdir(exist_ok=True)
        self.workers[name] = processes.start_worker(
            self.env,
            queue=self.queue,
            concurrency=self.threads,
            pool="threads" if self.threads > 1 else "solo",
            name=name,
            log_path=LOGS / f"{name}.log",
        )

    def stop(self) -> None:
        for worker in self.workers.values():
            processes.stop(worker)
        if self.web is not None:
            processes.stop(self.web)
        self.fake.stop()
        self.redis.stop()


def stack_start(
    *, workers: int, extra_env: dict[str, str], clinic: str = "", threads: int = 1, clinic_files: tuple = ()
) -> Stack:
    """Everything up, Django set up in this process too (for sweeps and the audit); with
    `clinic`, that clinic file is loaded before any server starts, then `clinic_files`
    (paths, one clinic each, for a deployment of several clinics)."""
    from common import migrate

    fake = FakeTwilio().start()
    redis = Redis().start()
    queue = f"drill-{uuid.uuid4().hex[:6]}"
    env = app_env(fake, queue) | {
        "CELERY_BROKER_URL": redis.url + "/0",
        "REDIS_URL": redis.url + "/1",
        "SENDER_MAX_MESSAGES_PER_MINUTE": "100000",
    }
    env |= extra_env
    os.environ.update(env)
    migrate(env)
    import django

    django.setup()
    if clinic:
        from django.core.management import call_command

        call_command("load_clinic", str(ROOT / clinic), verbosity=0)
    for path in clinic_files:
        from django.core.management import call_command

        call_command("load_clinic", str(path), verbosity=0)
    stack = Stack(fake=fake, redis=redis, env=env, queue=queue, port=processes.free_port(), threads=threads)
    LOGS.mkdir(exist_ok=True)
    stack.web = processes.start_gunicorn(env, port=stack.port, workers=2, log_path=LOGS / "gunicorn.log")
    for n in range(1, workers + 1):
        stack.start_worker(f"w{n}")
    return stack


@dataclass
class Sent:
    sid: str
    phone: str
    text: str
    tag: str
    at: float
    tries: int = 1


class Inbox:
    """Wakes the patient a reply is addressed to (the fake calls in from its thread)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.waiting: dict[str, asyncio.Future] = {}
        self.received: dict[str, list] = {}  # every accepted reply, by phone

    def expect(self, phone: str) -> asyncio.Future:
        future = self.loop.create_future()
        self.waiting[phone] = future
        return future

    def arrived(self, record) -> None:
        if record.status != 201:
            return
        phone = record.form.get("To", "").removeprefix("whatsapp:")
        self.loop.call_soon_threadsafe(self._deliver, phone, record)

    def _deliver(self, phone: str, record) -> None:
        self.received.setdefault(phone, []).append(record)
        future = self.waiting.pop(phone, None)
        if future is not None and not future.done():
            future.set_result(record)


async def webhook_send(
    port: int, phone: str, text: str, *, attempts: int = 30, to: str = "+14155238886"
) -> tuple[str, int]:
    """Post one signed inbound webhook to the clinic number `to`; like Twilio, try again
    (same MessageSid) until a 2xx, for up to `attempts` seconds. Returns the MessageSid and
    the tries it took."""
    sid = "SM" + uuid.uuid4().hex
    request = signed_webhook(phone=phone, text=text, sid=sid, to=to)
    for attempt in range(1, attempts + 1):
        try:
            reader, writer = await _connection(port)
            writer.write(request)
            status = await asyncio.wait_for(_read_response(reader), 15)
            writer.close()
            if status == 200:
                return sid, attempt
        except (TimeoutError, OSError, asyncio.IncompleteReadError):
            pass
        await asyncio.sleep(1)
    return sid, attempts


async def conversation_run(
    port: int,
    inbox: Inbox,
    phone: str,
    script,
    *,
    until: float,
    log: list[Sent],
    tag: str,
    think: float,
    reply_timeout: float,
    send_attempts: int = 30,
    to: str = "+14155238886",
) -> Counter:
    """One patient holding a conversation (a patients.BookingCycle) until `until`
    (monotonic): send, wait for the bot's reply, think about `think` seconds (0.5x-1.5x),
    answer it. Stops when the chat goes to staff or no reply comes within `reply_timeout`.
    Every message sent is appended to `log`; returns the kinds of reply the patient saw."""
    seen = Counter()
    text = script.first_message()
    while text is not None and time.monotonic() < until:
        reply = inbox.expect(phone)
        at = time.monotonic()
        sid, tries = await webhook_send(port, phone, text, attempts=send_attempts, to=to)
        log.append(Sent(sid, phone, text, tag, at, tries))
        try:
            record = await asyncio.wait_for(reply, reply_timeout)
        except TimeoutError:
            seen[f"no reply in {reply_timeout:g} s"] += 1
            return seen
        await asyncio.sleep(0.03)  # a second reply to the same turn arrives with it
        body = record.form.get("Body", "")
        seen[script.kind(body) or "unplaced"] += 1
        text = script.answer(body)
        if text is None:
            seen["handed to staff"] += 1
            return seen
        await asyncio.sleep(random.uniform(0.5 * think, 1.5 * think))
    return seen


def delivery_audit(sent: list[Sent], fake: FakeTwilio, script) -> dict[str, Counter]:
    """Per tag: what happened to each message sent, judged from the database and the fake.

    answered: processed once, a right reply, each reply accepted once by Twilio.
    failed_surfaced: processed once, its reply marked failed and on the staff queue.
    lost: not stored, not processed, no reply, or a reply left queued/sending.
    duplicated: processed twice, two replies where the script expects one, or a reply
    Twilio accepted twice.
    """
    from audit.models import TraceEvent
    from conversations.models import Escalation, InboundMessage, OutboundMessage

    inbound = {
        m.provider_message_id: m
        for m in InboundMessage.objects.filter(provider_message_id__in=[s.sid for s in sent])
    }
    traced = Counter(
        TraceEvent.objects.filter(type=TraceEvent.Type.INCOMING_MESSAGE).values_list(
            "payload__inbound_id", flat=True
        )
    )
    replies: dict[int, list[OutboundMessage]] = {}
    for row in OutboundMessage.objects.filter(in_reply_to__in=[m.pk for m in inbound.values()]):
        replies.setdefault(row.in_reply_to_id, []).append(row)
    accepted = Counter(r.sid for r in fake.requests if r.status == 201)
    known_sids = set(
        OutboundMessage.objects.exclude(provider_message_id=None).values_list(
            "provider_message_id", flat=True
        )
    )
    escalated = set(
        Escalation.objects.filter(reason=Escalation.Reason.DELIVERY_FAILURE).values_list(
            "conversation_id", flat=True
        )
    )
    ghosts = Counter(
        r.form.get("To", "").removeprefix("whatsapp:")
        for r in fake.requests
        if r.status == 201 and r.sid not in known_sids
    )

    result: dict[str, Counter] = {}
    for message in sent:
        counts = result.setdefault(message.tag, Counter())
        counts["sent"] += 1
        row = inbound.get(message.sid)
        if row is None or row.processed_at is None:
            counts["lost"] += 1
            counts["lost: not stored" if row is None else "lost: unprocessed"] += 1
            continue
        answers = replies.get(row.pk, [])
        if traced[row.pk] > 1 or (script.single_reply and len(answers) > 1):
            counts["duplicated"] += 1
            continue
        if not answers or not script.reply_ok(message.text, answers[0].body):
            counts["lost"] += 1
            counts["lost: no right reply"] += 1
            continue
        failed = [r for r in answers if r.status == OutboundMessage.Status.FAILED]
        unsent = [r for r in answers if r not in failed and accepted[r.provider_message_id or ""] != 1]
        if unsent:
            counts["lost"] += 1
            counts[f"lost: reply {unsent[0].status}"] += 1
        elif failed and row.conversation_id in escalated:
            counts["failed_surfaced"] += 1
        elif failed:
            counts["lost"] += 1
            counts["lost: reply failed, staff not told"] += 1
        else:
            counts["answered"] += 1
    for phone, count in ghosts.items():
        tag = next((s.tag for s in sent if s.phone == phone), "unknown")
        result.setdefault(tag, Counter())["duplicated"] += count
    return result


def overlapping_appointments() -> int:
    """Pairs of booked appointments of one practitioner that overlap (the constraint says 0)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT count(*) FROM scheduling_appointment a JOIN scheduling_appointment b
               ON a.practitioner_id = b.practitioner_id AND a.id < b.id
              AND a.status = 'booked' AND b.status = 'booked'
              AND a."start" < b."end" AND b."start" < a."end" """
        )
        return cursor.fetchone()[0]


def quiet_wait(*, timeout: float, sweep) -> float:
    """Run the sweeps until every stored message is processed and every reply has left
    queued/sending; returns the seconds it took (the timeout when it never got quiet)."""
    from conversations.models import InboundMessage, OutboundMessage

    started = time.monotonic()
    while time.monotonic() - started < timeout:
        sweep()
        busy = (
            InboundMessage.objects.filter(processed_at__isnull=True).count()
            + OutboundMessage.objects.filter(
                status__in=[OutboundMessage.Status.QUEUED, OutboundMessage.Status.SENDING]
            ).count()
        )
        if not busy:
            return time.monotonic() - started
        time.sleep(1)
    return timeout


def path_for(name: str) -> Path:
    LOGS.mkdir(exist_ok=True)
    return LOGS / name


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as file:
                found += [int(c) for c in file.read().split()]
    except OSError:
        pass
    return found + [g for c in found for g in _children(c)]


def _cpu_seconds(pid: int, *, reaped: bool = True) -> float:
    """CPU used by the process, plus (with `reaped`) by its children that have exited and
    been waited for: PostgreSQL backends and recycled gunicorn workers come and go."""
    try:
        with open(f"/proc/{pid}/stat") as file:
            fields = file.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if reaped else 0)
    return ticks / os.sysconf("SC_CLK_TCK")


def postgres_pid(port: int) -> int | None:
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as file:
                args = file.read().split(b"\0")
        except OSError:
            continue
        if args and args[0].endswith(b"postgres") and b"-p" in args and str(port).encode() in args:
            return int(entry)
    return None


def cpu_by_role(stack: Stack, pg_pid: int | None) -> dict[str, float]:
    """CPU seconds used so far by each part of the stack (processes and their children)."""
    roles = {
        "web": [stack.web.pid] if stack.web else [],
        "workers": [w.pid for w in stack.workers.values()],
        "postgres": [pg_pid] if pg_pid else [],
        "redis": [stack.redis.process.pid] if stack.redis.process else [],
    }
    used = {
        role: sum(_cpu_seconds(p) for root in pids for p in [root, *_children(root)])
        for role, pids in roles.items()
    }
    # This process alone: the servers above are its children, so its tree would count them twice.
    used["client+fake"] = _cpu_seconds(os.getpid(), reaped=False)
    return used

"""Turn latency: signed webhook sent -> reply request received by the fake Twilio.

gunicorn + a real Celery worker (prefork, 2 processes) + PostgreSQL + Redis + the loopback
Twilio fake. Patients send one message each and wait for the answer; `--concurrency`
patients at a time. Baseline in the same run: the webhook's own acknowledgement latency.
Goal: p95 <= 150 ms.
"""

import argparse
import asyncio
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


async def patient(port: int, phone: str, fake: FakeTwilio, text: str) -> tuple[float, float]:
    reader, writer = await _connection(port)
    request = signed_webhook(phone=phone, text=text)
    seen = len([r for r in fake.requests if r.form.get("To") == f"whatsapp:{phone}"])
    started = time.perf_counter()
    writer.write(request)
    status = await _read_response(reader)
    acked = time.perf_counter()
    writer.close()
    assert status == 200, status
    while len([r for r in fake.requests if r.form.get("To") == f"whatsapp:{phone}"]) <= seen:
        if time.perf_counter() - started > 15:
            raise TimeoutError(f"no reply for {phone}")
        await asyncio.sleep(0.002)
    replied = [r for r in fake.requests if r.form.get("To") == f"whatsapp:{phone}"][-1].received_at
    return (acked - started) * 1000, (replied - started) * 1000


async def run(port: int, fake: FakeTwilio, turns: int, concurrency: int) -> tuple[list[float], list[float]]:
    acks, totals = [], []
    # Fresh numbers each run: a patient already handed to staff would get no bot reply.
    base = int(uuid.uuid4().int % 10**6) * 1000
    queue = list(range(base, base + turns))

    async def lane() -> None:
        while queue:
            n = queue.pop()
            ack, total = await patient(port, f"+1777{n:09d}", fake, "Hello, I would like an appointment")
            acks.append(ack)
            totals.append(total)

    await asyncio.gather(*(lane() for _ in range(concurrency)))
    return acks, totals


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--worker-concurrency", type=int, default=2)
    args = parser.parse_args()
    require_services()

    fake = FakeTwilio().start()
    queue = f"bench-{uuid.uuid4().hex[:6]}"
    env = app_env(fake, queue)
    migrate(env)
    port = processes.free_port()
    web = processes.start_gunicorn(env, port=port, workers=2, log_path=ROOT / "bench" / "gunicorn.log")
    worker = processes.start_worker(
        env, queue=queue, concurrency=args.worker_concurrency, log_path=ROOT / "bench" / "worker.log"
    )
    try:
        time.sleep(2.5)  # the worker connects to the broker
        asyncio.run(run(port, fake, 20, 2))  # warm up
        acks, totals = asyncio.run(run(port, fake, args.turns, args.concurrency))
    finally:
        processes.stop(web)
        processes.stop(worker)
        fake.stop()
    print(f"{args.turns} turns, {args.concurrency} patients at a time; gunicorn 2x4, celery prefork 2")
    print(f"turn (webhook -> reply at Twilio): {summary(totals)}")
    print(f"baseline, webhook ack alone:       {summary(acks)}")
    print(f"ratio turn/ack at p50: {sorted(totals)[len(totals) // 2] / sorted(acks)[len(acks) // 2]:.1f}x")


if __name__ == "__main__":
    main()

"""Webhook acknowledgement latency and throughput on gunicorn + PostgreSQL + Redis.

Signed Twilio webhooks from 200 patients are sent (a) at 100 requests/s offered, open loop,
and (b) as fast as 32 connections allow; the same is measured for a trivial view (`/ping`)
in the same server as the baseline. No worker runs, so the figures are the web path alone:
verify, store, enqueue, answer. Goals: p99 <= 30 ms at 100/s, >= 300 acks/s at saturation,
saturation ratio to the trivial view <= 2.5.
"""

import argparse
import asyncio
import uuid

from common import (
    ROOT,
    FakeTwilio,
    app_env,
    load,
    migrate,
    percentile,
    plain_get,
    processes,
    require_services,
    signed_webhook,
    summary,
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paced", type=int, default=1500, help="requests at the offered rate")
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--burst", type=int, default=3000, help="requests at saturation")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    args = parser.parse_args()
    require_services()

    fake = FakeTwilio().start()
    queue = f"bench-{uuid.uuid4().hex[:6]}"
    env = app_env(fake, queue)
    migrate(env)
    port = processes.free_port()
    server = processes.start_gunicorn(
        env, port=port, workers=args.workers, log_path=ROOT / "bench" / "gunicorn.log"
    )
    try:
        phones = [f"+1555{n:07d}" for n in range(200)]
        hooks = lambda n: [signed_webhook(phone=phones[i % 200], text=f"hello {i}") for i in range(n)]  # noqa: E731
        asyncio.run(load(port, hooks(200) + [plain_get("/ping")] * 200, concurrency=8))  # warm up

        paced, paced_status, _ = asyncio.run(load(port, hooks(args.paced), concurrency=32, rate=args.rate))
        trivial_paced, _, _ = asyncio.run(
            load(port, [plain_get("/ping")] * args.paced, concurrency=32, rate=args.rate)
        )
        burst, burst_status, burst_seconds = asyncio.run(load(port, hooks(args.burst), concurrency=32))
        trivial, _, trivial_seconds = asyncio.run(
            load(port, [plain_get("/ping")] * args.burst, concurrency=32)
        )
    finally:
        processes.stop(server)
        fake.stop()

    errors = sum(1 for s in paced_status + burst_status if s != 200)
    ack_rate, trivial_rate = args.burst / burst_seconds, args.burst / trivial_seconds
    print(f"gunicorn: {args.workers} workers x 4 threads, PostgreSQL + Redis, no Celery worker running")
    print(f"webhook @ {args.rate:.0f}/s offered ({args.paced} req):  {summary(paced)}")
    print(f"/ping   @ {args.rate:.0f}/s offered ({args.paced} req):  {summary(trivial_paced)}")
    print(f"webhook saturation ({args.burst} req, 32 conns): {ack_rate:7.0f} acks/s   {summary(burst)}")
    print(f"/ping   saturation ({args.burst} req, 32 conns): {trivial_rate:7.0f} req/s    {summary(trivial)}")
    print(f"non-200 responses: {errors}")
    print(
        f"ratio webhook/ping: p99 at {args.rate:.0f}/s {percentile(paced, 99) / percentile(trivial_paced, 99):.2f}x, "
        f"throughput {trivial_rate / ack_rate:.2f}x"
    )


if __name__ == "__main__":
    main()

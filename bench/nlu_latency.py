"""Latency of the local NLU engine per message, against a trivial baseline in the same run.

    python bench/nlu_latency.py [--rounds 5]

Messages: our labelled set (en/es/pt-BR, 386 messages). Each message is understood with the
local engine (emergency rules, language, intent, entities, date resolution) `rounds`
times after a warm-up; the baseline only folds the text (lower case, no accents), the
cheapest thing any engine must do. Prints p50/p95 of both and their ratio, and the engine's
CPU time per message (`time.thread_time`), which other processes on a shared machine do not
inflate; the goal is judged on wall time.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinicbot.settings")

import django

django.setup()

from conversations.understanding import understand  # noqa: E402
from conversations.understanding.emergency import fold  # noqa: E402
from conversations.understanding.eval.labelled import DIRECTORY, NOW, load  # noqa: E402


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(call, texts: list[str], rounds: int, cpu: list[float] | None = None) -> list[float]:
    samples = []
    for _ in range(rounds):
        for text in texts:
            started, cpu_started = time.perf_counter(), time.thread_time()
            call(text)
            samples.append((time.perf_counter() - started) * 1000)
            if cpu is not None:
                cpu.append((time.thread_time() - cpu_started) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    texts = [row["text"] for row in load()]

    def engine(text: str) -> None:
        understand(text, directory=DIRECTORY, now=NOW)

    measure(engine, texts, 1)  # warm-up: regex compilation and caches
    cpu: list[float] = []
    local = measure(engine, texts, rounds, cpu)
    baseline = measure(fold, texts, rounds)
    lp50, lp95 = statistics.median(local), percentile(local, 0.95)
    bp50, bp95 = statistics.median(baseline), percentile(baseline, 0.95)
    print(f"messages: {len(texts)} x {rounds} rounds")
    print(f"local engine   p50 {lp50:.3f} ms   p95 {lp95:.3f} ms   max {max(local):.3f} ms")
    print(f"local CPU time p50 {statistics.median(cpu):.3f} ms   p95 {percentile(cpu, 0.95):.3f} ms")
    print(f"baseline fold  p50 {bp50:.4f} ms   p95 {bp95:.4f} ms")
    print(f"ratio          p50 {lp50 / bp50:.0f}x   p95 {lp95 / bp95:.0f}x")
    print(f"goal p95 <= 5 ms: {'met' if lp95 <= 5 else 'NOT met'}")


if __name__ == "__main__":
    main()

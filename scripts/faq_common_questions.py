"""Write conversations/faq/common_questions.jsonl from our labelled FAQ sets.

Every ordinary question (not clinical, billing or unanswerable) of the demo clinic's sets
(conversations/faq/eval/, tests/blind/faq_blind*.jsonl) and of each blind set with its own
clinic (tests/blind/set*/faq.jsonl), with its entry's topic under its shared name
(conversations.faq.common.TOPICS) and where it came from ("demo", "set8"), so a clinic can be
scored without its own patients' questions. Run it after adding a labelled set:

    .venv/bin/python scripts/faq_common_questions.py
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from conversations.faq.common import PATH, canonical  # noqa: E402

NOT_ORDINARY = {"clinical", "billing", "none"}


def sources() -> list[tuple[str, Path]]:
    demo = sorted((ROOT / "conversations" / "faq" / "eval").glob("*.jsonl"))
    demo += sorted((ROOT / "tests" / "blind").glob("faq_blind*.jsonl"))
    own = sorted((ROOT / "tests" / "blind").glob("set*/faq.jsonl"))
    return [("demo", path) for path in demo] + [(path.parent.name, path) for path in own]


def rows() -> list[dict[str, str]]:
    seen: set[tuple[str, str]] = set()
    out = []
    for source, path in sources():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            topic, text = canonical(row["expect"]), row["text"].strip()
            if row["expect"] in NOT_ORDINARY or (topic, text) in seen:
                continue
            seen.add((topic, text))
            out.append({"topic": topic, "text": text, "source": source})
    return out


def render() -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows())


if __name__ == "__main__":
    PATH.write_text(render(), encoding="utf-8")
    print(f"{PATH.relative_to(ROOT)}: {len(rows())} questions")

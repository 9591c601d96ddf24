"""The `faq:` section of the clinic file, read into FaqSpecs with path-named errors.

```yaml
faq:
  - topic: parking                     # a code, unique in the file
    questions: {pt: [...], es: [...], en: [...]}   # ways patients ask, per language
    answers: {pt: "...", es: "...", en: "..."}     # the approved answer, per language
```
Every language of the clinic needs questions and an answer. Problems are collected and
reported together (`faq[3].answers.es: missing`), as for the rest of the file.
"""

from typing import Any

from conversations.faq.services import FaqSpec
from conversations.understanding.languages import CODES, language_code
from scheduling.clinic_file import CODE, ClinicFileError


def faq_file_parse(items: list[Any], *, languages: list[str]) -> list[FaqSpec]:
    """Validate the raw `faq:` list; raises ClinicFileError listing every problem."""
    problems: list[str] = []
    specs: list[FaqSpec] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        path = f"faq[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{path}: must be a mapping")
            continue
        problems += [
            f"{path}.{key}: unknown key (expected one of answers, questions, topic)"
            for key in item
            if key not in ("topic", "questions", "answers")
        ]
        topic = item.get("topic")
        if not isinstance(topic, str) or not CODE.match(topic.strip()):
            problems.append(f'{path}.topic: "{topic}" is not a code (lower-case letters, digits, - and _)')
        elif topic.strip() in seen:
            problems.append(f'{path}.topic: "{topic}" is used twice')
        else:
            seen.add(topic.strip())
        questions = _per_language(item.get("questions"), f"{path}.questions", languages, problems, many=True)
        answers = _per_language(item.get("answers"), f"{path}.answers", languages, problems, many=False)
        if isinstance(topic, str):
            specs.append(FaqSpec(topic=topic.strip(), questions=questions, answers=answers))
    if problems:
        raise ClinicFileError(problems)
    return specs


def _per_language(
    value: Any, path: str, languages: list[str], problems: list[str], *, many: bool
) -> dict[str, Any]:
    if value is None:
        problems.append(f"{path}: is required")
        return {}
    if not isinstance(value, dict):
        problems.append(f"{path}: must map languages to {'lists of texts' if many else 'texts'}")
        return {}
    out: dict[str, Any] = {}
    for key, text in value.items():
        lang = language_code(str(key))
        where = f"{path}.{key}"
        if lang is None:
            problems.append(f'{where}: "{key}" is not a supported language ({", ".join(CODES)})')
        elif many:
            texts = text if isinstance(text, list) else None
            if not texts:
                problems.append(f"{where}: must be a non-empty list of texts")
                continue
            for j, q in enumerate(texts):
                if not isinstance(q, str) or not q.strip():
                    problems.append(f"{where}[{j}]: {q!r} is not a text")
            out[lang] = [q.strip() for q in texts if isinstance(q, str) and q.strip()]
        elif not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: {text!r} is not a text")
        else:
            out[lang] = text.strip()
    for lang in languages:
        if lang not in out and not any(language_code(str(k)) == lang for k in value):
            problems.append(f"{path}.{lang}: missing")
    return out

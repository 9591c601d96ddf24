"""Reads of the FAQ content. Only an entry's `approved_version` ever reaches a patient."""

import threading

from django.db.models import QuerySet

from conversations.faq.retrieval import FaqDoc, FaqIndex
from conversations.models import FaqEntry, FaqVersion, UnansweredQuestion

_cache_lock = threading.Lock()
_cache: dict[str, tuple[tuple, FaqIndex]] = {}


def faq_docs_approved() -> list[FaqDoc]:
    """Every approved entry's current approved version as plain data, by topic."""
    entries = (
        FaqEntry.objects.filter(status=FaqEntry.Status.APPROVED, approved_version__isnull=False)
        .select_related("approved_version")
        .order_by("topic")
    )
    return [
        FaqDoc(
            entry_id=entry.pk,
            topic=entry.topic,
            version=entry.approved_version.number,
            questions={k: list(v) for k, v in entry.approved_version.questions.items()},
            answers=dict(entry.approved_version.answers),
        )
        for entry in entries
    ]


def faq_index_get() -> FaqIndex:
    """The search index over approved content, rebuilt whenever an approval or retirement
    changed which versions are current (one small query per call decides)."""
    stamp = tuple(
        FaqEntry.objects.filter(status=FaqEntry.Status.APPROVED)
        .order_by("pk")
        .values_list("pk", "approved_version_id")
    )
    with _cache_lock:
        cached = _cache.get("index")
        if cached and cached[0] == stamp:
            return cached[1]
    index = FaqIndex(faq_docs_approved())
    with _cache_lock:
        _cache["index"] = (stamp, index)
    return index


def faq_answer_approved(*, topic: str, language: str) -> str:
    """The approved answer of the entry `topic` in `language`; "" when there is no such
    approved entry or it has no answer in that language (callers then say nothing)."""
    if not topic:
        return ""
    entry = (
        FaqEntry.objects.filter(topic=topic, status=FaqEntry.Status.APPROVED, approved_version__isnull=False)
        .select_related("approved_version")
        .first()
    )
    return entry.approved_version.answers.get(language, "") if entry else ""


def faq_version_latest(*, entry: FaqEntry) -> FaqVersion | None:
    """The newest version of an entry, approved or not."""
    return entry.versions.order_by("-number").first()


def faq_version_pending(*, entry: FaqEntry) -> FaqVersion | None:
    """The newest version when it is newer than the approved one (a draft awaiting approval)."""
    latest = faq_version_latest(entry=entry)
    if latest is None or latest.pk == entry.approved_version_id or latest.approved_at is not None:
        return None
    return latest


def unanswered_question_list(*, resolved: bool = False) -> QuerySet[UnansweredQuestion]:
    return UnansweredQuestion.objects.filter(resolved=resolved).order_by("-created_at", "-id")

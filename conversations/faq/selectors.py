"""Reads of the FAQ content. Only an entry's `approved_version` ever reaches a patient."""

import threading

from django.conf import settings
from django.db.models import QuerySet

from conversations.faq.common import common_questions
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
    """The search index over approved content and the common questions of its topics,
    rebuilt whenever an approval or retirement changed which versions are current (one small
    query per call decides)."""
    stamp = (
        *FaqEntry.objects.filter(status=FaqEntry.Status.APPROVED)
        .order_by("pk")
        .values_list("pk", "approved_version_id"),
        tuple(settings.FAQ_COMMON_QUESTIONS_EXCLUDE),
    )
    with _cache_lock:
        cached = _cache.get("index")
        if cached and cached[0] == stamp:
            return cached[1]
    docs = faq_docs_approved()
    index = FaqIndex(
        docs, common_questions((doc.topic for doc in docs), exclude=settings.FAQ_COMMON_QUESTIONS_EXCLUDE)
    )
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


def unanswered_question_list(*, resolved: bool = False, language: str = "") -> QuerySet[UnansweredQuestion]:
    """Questions for content admins, newest first: only those erasure and retention can reach
    (from a conversation, text not yet blanked), open or handled, in one language or all."""
    questions = (
        UnansweredQuestion.objects.filter(resolved=resolved, conversation__isnull=False)
        .exclude(text="")
        .select_related("resolved_by", "resolved_version__entry")
    )
    if language:
        questions = questions.filter(language=language)
    return questions.order_by("-created_at", "-id")


def faq_entry_candidates(
    *, text: str, index: FaqIndex | None = None, limit: int = 3
) -> list[tuple[FaqDoc, float]]:
    """The approved entries retrieval finds closest to `text`, best first, with their
    scores: the suggestions for "add as a variant of". Pass `index` to rank many texts
    against one index (one query fewer each)."""
    ranked = (index or faq_index_get()).ranked(text)
    return [(doc, score) for score, _, doc in ranked[:limit] if score > 0]


def faq_entry_choices() -> QuerySet[FaqEntry]:
    """Every entry a variant may join: drafts and approved ones, not retired ones."""
    return FaqEntry.objects.exclude(status=FaqEntry.Status.RETIRED).order_by("topic")

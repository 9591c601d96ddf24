"""Answer a patient's question from approved FAQ content: the one entry point is `faq_respond`.

Order is the safety contract: clinical questions are refused (the orchestrator escalates),
then fee waivers and billing disputes, then retrieval. A confident match is answered with
the approved text verbatim (local engine) or a grounded rephrasing (Claude engine, checked
in code, verbatim on any doubt); anything else gets "I don't have that information" with
the clinic's contact and is logged for the operations lead.
"""

import logging
from dataclasses import dataclass, replace

from django.conf import settings

from audit.models import TraceEvent
from audit.services import trace_record
from conversations.copy import say
from conversations.faq.grounding import grounding_problems
from conversations.faq.limits import faq_is_billing_dispute, faq_is_clinical
from conversations.faq.retrieval import FaqDoc, FaqIndex, Match
from conversations.faq.selectors import faq_index_get
from conversations.models import UnansweredQuestion

__all__ = ["FaqResponse", "faq_classify", "faq_is_clinical", "faq_respond"]

ANSWERED, UNANSWERED, CLINICAL, BILLING = "answered", "unanswered", "clinical", "billing"
_LANGUAGE_ORDER = ("pt-BR", "es", "en")

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FaqResponse:
    kind: str  # "answered", "unanswered", "clinical", "billing"
    text: str  # the reply to send, in the patient's language
    entry_id: int | None = None
    version: int | None = None
    score: float = 0.0
    engine: str = "local"  # "local", "claude", or "rules" for refusals
    fallback_reason: str = ""  # why a Claude answer was replaced by the verbatim one


def faq_classify(text: str, *, index: FaqIndex) -> tuple[str, Match]:
    """Pure decision: which kind of answer `text` gets and the retrieval match behind it."""
    if faq_is_clinical(text):
        return CLINICAL, Match(None, 0.0)
    if faq_is_billing_dispute(text):
        return BILLING, Match(None, 0.0)
    match = index.search(text)
    return (ANSWERED if match.confident else UNANSWERED), match


def approved_answer(doc: FaqDoc, language: str) -> str:
    """The approved text in `language`, else in the first language the entry has."""
    for lang in (language, *_LANGUAGE_ORDER):
        if doc.answers.get(lang):
            return doc.answers[lang]
    return next(iter(doc.answers.values()))


def faq_respond(
    *,
    text: str,
    language: str,
    conversation_id: int | None,
    clinic_phone: str,
    engine: str | None = None,
) -> FaqResponse:
    """Answer one patient question from approved content.

    Never raises for model trouble (the verbatim answer is sent and `fallback_reason` says
    why). Side effects: a FAQ_ANSWERED trace (entry id, version, score, engine, kind; no
    patient text) when `conversation_id` is given, and an UnansweredQuestion row for kind
    "unanswered". Escalating clinical and billing questions is the caller's job.
    """
    contact = clinic_phone or say("faq_contact_fallback", language)
    kind, match = faq_classify(text, index=faq_index_get())
    if kind in (CLINICAL, BILLING):
        response = FaqResponse(kind, say(f"faq_{kind}", language, contact=contact), engine="rules")
    elif kind == UNANSWERED:
        response = _unanswered(text, language, contact, conversation_id, match, engine="local")
    else:
        response = _answered(text, language, contact, conversation_id, match, engine)
    if conversation_id is not None:
        trace_record(
            conversation_id=conversation_id,
            type=TraceEvent.Type.FAQ_ANSWERED,
            payload={
                "kind": response.kind,
                "entry_id": response.entry_id,
                "version": response.version,
                "score": round(response.score, 3),
                "runner_up": round(match.runner_up, 3),
                "engine": response.engine,
                "fallback_reason": response.fallback_reason,
                "language": language,
            },
        )
    return response


def _unanswered(
    text: str, language: str, contact: str, conversation_id: int | None, match: Match, *, engine: str
) -> FaqResponse:
    UnansweredQuestion.objects.create(
        conversation_id=conversation_id,
        language=language,
        text=text[:2000],
        best_topic=match.doc.topic if match.doc else "",
        best_score=round(match.score, 3),
    )
    return FaqResponse(
        UNANSWERED, say("faq_unknown", language, contact=contact), score=match.score, engine=engine
    )


def _answered(
    text: str, language: str, contact: str, conversation_id: int | None, match: Match, engine: str | None
) -> FaqResponse:
    doc = match.doc
    assert doc is not None
    verbatim = approved_answer(doc, language)
    answered = FaqResponse(ANSWERED, verbatim, doc.entry_id, doc.version, match.score, "local")
    policy = engine or settings.NLU_ENGINE
    if policy == "local" or not settings.ANTHROPIC_API_KEY:
        return answered

    from conversations.clinic import clinic_context
    from conversations.faq.claude import NO_ANSWER, FaqModelError, faq_rephrase

    try:
        rephrased = faq_rephrase(
            question=text, sources=[verbatim], language=language, clinic_name=clinic_context().name
        )
    except FaqModelError as exc:
        logger.warning("faq.claude.fallback reason=%s detail=%s", exc.reason, exc)
        return replace(answered, fallback_reason=exc.reason)
    if rephrased.text == NO_ANSWER:
        return _unanswered(text, language, contact, conversation_id, match, engine="claude")
    problems = grounding_problems(rephrased.text, sources=[verbatim])
    if problems:
        logger.warning("faq.claude.ungrounded problems=%s", problems)
        return replace(answered, fallback_reason="ungrounded")
    return replace(answered, text=rephrased.text, engine="claude")

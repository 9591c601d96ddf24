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
from conversations.understanding.languages import CODES

__all__ = ["FaqResponse", "faq_classify", "faq_is_clinical", "faq_respond"]

ANSWERED, UNANSWERED, CLINICAL, BILLING = "answered", "unanswered", "clinical", "billing"
CLAUDE_FLOOR = 0.3  # below this score nothing retrieved is close enough to show the model

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
    for lang in (language, *CODES):
        if doc.answers.get(lang):
            return doc.answers[lang]
    return next(iter(doc.answers.values()))


def faq_respond(
    *,
    text: str,
    language: str,
    conversation_id: int | None,
    clinic_phone: str,
    emergency_number: str = "",
    engine: str | None = None,
) -> FaqResponse:
    """Answer one patient question from approved content.

    Never raises for model trouble (the verbatim answer is sent and `fallback_reason` says
    why). Side effects: a FAQ_ANSWERED trace (entry id, version, score, engine, kind; no
    patient text) when `conversation_id` is given, and an UnansweredQuestion row for kind
    "unanswered". Escalating clinical and billing questions is the caller's job. A clinical
    refusal names `emergency_number` (default: the configured clinic's).
    """
    contact = clinic_phone or say("faq_contact_fallback", language)
    kind, match = faq_classify(text, index=faq_index_get())
    if kind in (CLINICAL, BILLING):
        emergency_number = emergency_number or _emergency_number()
        reply = say(f"faq_{kind}", language, contact=contact, emergency_number=emergency_number)
        response = FaqResponse(kind, reply, engine="rules")
    elif kind == ANSWERED and _model_enabled(engine):
        assert match.doc is not None
        response = _claude(text, language, contact, conversation_id, match, [(match.doc, match.score)])
    elif kind == ANSWERED:
        assert match.doc is not None
        verbatim = approved_answer(match.doc, language)
        response = FaqResponse(ANSWERED, verbatim, match.doc.entry_id, match.doc.version, match.score)
    elif _model_enabled(engine) and match.score >= CLAUDE_FLOOR:
        # Retrieval alone is unsure; the model may pick one of the closest entries or decline.
        response = _claude(text, language, contact, conversation_id, match, list(match.candidates))
    else:
        response = _unanswered(text, language, contact, conversation_id, match, engine="local")
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


def _model_enabled(engine: str | None) -> bool:
    return (engine or settings.NLU_ENGINE) != "local" and bool(settings.ANTHROPIC_API_KEY)


def _unanswered(
    text: str,
    language: str,
    contact: str,
    conversation_id: int | None,
    match: Match,
    *,
    engine: str,
    fallback_reason: str = "",
) -> FaqResponse:
    UnansweredQuestion.objects.create(
        conversation_id=conversation_id,
        language=language,
        text=text[:2000],
        best_topic=match.doc.topic if match.doc else "",
        best_score=round(match.score, 3),
    )
    reply = say("faq_unknown", language, contact=contact)
    return FaqResponse(UNANSWERED, reply, score=match.score, engine=engine, fallback_reason=fallback_reason)


def _claude(
    text: str,
    language: str,
    contact: str,
    conversation_id: int | None,
    match: Match,
    candidates: list[tuple[FaqDoc, float]],
) -> FaqResponse:
    """Rephrase from the candidates; when retrieval was confident (one candidate) any doubt
    sends its answer verbatim, otherwise any doubt means "I don't know"."""
    from conversations.clinic import clinic_context
    from conversations.faq.claude import NO_ANSWER, FaqModelError, faq_rephrase

    sources = [approved_answer(doc, language) for doc, _ in candidates]
    confident = match.confident
    first, first_score = candidates[0]
    verbatim = FaqResponse(ANSWERED, sources[0], first.entry_id, first.version, first_score)

    def doubt(reason: str) -> FaqResponse:
        if confident:
            return replace(verbatim, fallback_reason=reason)
        return _unanswered(
            text, language, contact, conversation_id, match, engine="local", fallback_reason=reason
        )

    try:
        rephrased = faq_rephrase(
            question=text, sources=sources, language=language, clinic_name=clinic_context().name
        )
    except FaqModelError as exc:
        logger.warning("faq.claude.fallback reason=%s detail=%s", exc.reason, exc)
        return doubt(exc.reason)
    if rephrased.text == NO_ANSWER or rephrased.source is None:
        return _unanswered(text, language, contact, conversation_id, match, engine="claude")
    doc, score = candidates[rephrased.source - 1]
    source = sources[rephrased.source - 1]
    problems = grounding_problems(rephrased.text, sources=[source])
    if problems:
        logger.warning("faq.claude.ungrounded problems=%s", problems)
        return doubt("ungrounded")
    return FaqResponse(ANSWERED, rephrased.text, doc.entry_id, doc.version, score, "claude")


def _emergency_number() -> str:
    from conversations.clinic import clinic_context

    return clinic_context().emergency_number

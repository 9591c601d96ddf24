"""Answer a patient's question from approved FAQ content: the one entry point is `faq_respond`.

Order is the safety contract: clinical questions are refused (the orchestrator escalates),
then fee waivers and billing disputes, then retrieval. A confident match is answered with
the approved text verbatim. With the Claude engine the model chooses the entry among the
retrieved ones (or none); its text is sent verbatim, or, with `FAQ_REPHRASE` on, a
rephrasing whose every claim the entry carries (checked in code, verbatim on any doubt). Anything else gets "I don't have that information" with the clinic's contact and
is logged for the operations lead.
"""

import logging
from dataclasses import dataclass, replace

from django.conf import settings

from audit.models import TraceEvent
from audit.services import trace_record
from conversations.copy import say
from conversations.faq.grounding import problem_kinds, rephrasing_problems
from conversations.faq.limits import faq_asks_advice, faq_is_billing_dispute, faq_is_clinical
from conversations.faq.retrieval import FaqDoc, FaqIndex, Match
from conversations.faq.selectors import faq_index_get
from conversations.models import UnansweredQuestion
from conversations.outbox.queue import Origin
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
    fallback_reason: str = ""  # why the model's choice or rephrasing was not what was sent
    origin: Origin = Origin.COPY  # APPROVED: the entry's text verbatim; GENERATED: a rephrasing
    verbatim: str = ""  # the approved text a rephrasing stands for, sent if the outbox refuses it
    problems: tuple[str, ...] = ()  # kinds of problem found in a withheld rephrasing


def faq_classify(text: str, *, index: FaqIndex) -> tuple[str, Match]:
    """Pure decision: which kind of answer `text` gets and the retrieval match behind it."""
    if faq_is_clinical(text):
        if not faq_asks_advice(text):
            if faq_is_billing_dispute(text):
                # "a taxa de falta é um abuso, o meu filho estava com febre, peço que a
                # retirem": an illness given as the reason a fee should go is a dispute.
                return BILLING, Match(None, 0.0)
            # A medical thing named with no decision asked of us ("how do I renew the
            # prescription for my thyroid pills?", "is my glasses prescription still valid?"):
            # an approved answer the clinic wrote for it is the clinic's process, not advice.
            match = index.search(text)
            if match.confident:
                return ANSWERED, match
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
    conversation_id: int,
    clinic_phone: str,
    emergency_number: str = "",
    engine: str | None = None,
) -> FaqResponse:
    """Answer one patient question from approved content.

    Never raises for model trouble (the verbatim answer is sent and `fallback_reason` says
    why). Side effects: a FAQ_ANSWERED trace (entry id, version, score, engine, kind; no
    patient text) and, for kind "unanswered", an UnansweredQuestion row linked to the
    conversation (so the content admins' list shows it and erasure reaches it). Escalating clinical and billing questions is the caller's job. A clinical
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
        response = _verbatim(match.doc, match.score, language)
    elif _model_enabled(engine) and match.score >= CLAUDE_FLOOR and not match.about_an_unknown_thing:
        # Retrieval alone is unsure; the model may pick one of the closest entries or decline.
        # A short question about a thing no entry names is not shown: a model offered "what to
        # bring" for "can I bring my dog?" may take it.
        response = _claude(text, language, contact, conversation_id, match, list(match.candidates))
    else:
        response = _unanswered(text, language, contact, conversation_id, match, engine="local")
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
            "origin": response.origin,
            "problems": list(response.problems),
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
    conversation_id: int,
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


def _verbatim(doc: FaqDoc, score: float, language: str, *, engine: str = "local") -> FaqResponse:
    text = approved_answer(doc, language)
    return FaqResponse(ANSWERED, text, doc.entry_id, doc.version, score, engine, origin=Origin.APPROVED)


def _claude(
    text: str,
    language: str,
    contact: str,
    conversation_id: int,
    match: Match,
    candidates: list[tuple[FaqDoc, float]],
) -> FaqResponse:
    """The model chooses among the candidates and the chosen entry's text is sent. When
    retrieval was confident (one candidate) a model failure sends that entry verbatim,
    otherwise "I don't know"; the model choosing none, or an entry it was not offered,
    always means "I don't know"."""
    from conversations.clinic import clinic_context
    from conversations.faq.claude import FaqModelError, faq_choose

    offered = {doc.entry_id: (doc, score) for doc, score in candidates}
    try:
        choice = faq_choose(
            question=text,
            entries={entry_id: approved_answer(doc, language) for entry_id, (doc, _) in offered.items()},
            language=language,
            clinic_name=clinic_context().name,
            rephrase=settings.FAQ_REPHRASE,
        )
    except FaqModelError as exc:
        logger.warning("faq.claude.fallback reason=%s detail=%s", exc.reason, exc)
        if match.confident:
            return replace(_verbatim(*candidates[0], language), fallback_reason=exc.reason)
        return _unanswered(
            text, language, contact, conversation_id, match, engine="local", fallback_reason=exc.reason
        )
    if choice.entry_id is None:
        return _unanswered(
            text, language, contact, conversation_id, match, engine="claude", fallback_reason=choice.why_none
        )
    answer = _verbatim(*offered[choice.entry_id], language, engine="claude")
    if not choice.rephrasing:
        return answer
    problems = rephrasing_problems(choice.rephrasing, source=answer.text, language=language)
    if problems:
        logger.warning("faq.claude.rephrasing_withheld problems=%s", problem_kinds(problems))
        return replace(answer, fallback_reason="ungrounded", problems=tuple(problem_kinds(problems)))
    return replace(answer, text=choice.rephrasing, origin=Origin.GENERATED, verbatim=answer.text)


def _emergency_number() -> str:
    from conversations.clinic import clinic_context

    return clinic_context().emergency_number

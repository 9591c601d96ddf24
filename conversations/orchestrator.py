"""The single entry point of the bot: one inbound message in, replies out.

Order matters and is the safety contract: opt-out keywords, then the emergency guardrail
(a hard override, whoever owns the chat), then silence while staff own the chat, then
the handlers. Every decision leaves a trace event.
"""

import re
from dataclasses import dataclass, replace
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from audit.models import TraceEvent
from audit.services import trace_record
from booking.machine import Expecting, Say, Signal
from booking.services import (
    BookingResult,
    booking_expecting,
    booking_expecting_peek,
    booking_handle,
    booking_session_active,
)
from conversations.booking_bridge import booking_signal
from conversations.campaigns.replies import (
    CampaignAnswer,
    campaign_answer,
    campaign_answer_apply,
    campaign_tapped,
    campaign_when_typed,
)
from conversations.clinic import ClinicContext, clinic_context, clinic_directory, understanding_engine
from conversations.copy import render, say, when_text
from conversations.escalations import escalation_open
from conversations.faq.answering import faq_classify, faq_respond
from conversations.faq.directory import booking_button, directory_answer
from conversations.faq.limits import faq_asks_advice, faq_is_billing_dispute, faq_is_clinical
from conversations.faq.retrieval import words as faq_words
from conversations.faq.selectors import faq_answer_approved, faq_index_get
from conversations.models import Conversation, Escalation, InboundMessage, VoiceStatus
from conversations.outbox.queue import Origin, Reply
from conversations.reminders import reminder_answer, reminder_confirmed_reply
from conversations.understanding import ClinicDirectory, Entities, Intent, Understanding, understand
from conversations.understanding.directory import (
    SPECIALTY,
    DirectoryQuestion,
    directory_question,
    without_booking_words,
    without_directory_words,
)
from conversations.understanding.emergency import EmergencyMatch, emergency_detect
from conversations.understanding.language import DEFAULT_HINT_WEIGHT, detect
from conversations.understanding.languages import PACKS, language_code
from conversations.understanding.local import asks_question, requests_beside_question
from conversations.understanding.text import fold
from conversations.understanding.trace import understanding_trace
from conversations.voice.intake import voice_language
from conversations.waitlist import waitlist_answer, waitlist_answered, waitlist_left, waitlist_open_offer
from scheduling.models import Patient
from scheduling.selectors import clinic_next_opening

# WhatsApp's opt-out and opt-in keywords, by the language they suggest.
OPT_OUT = {word: pack.code for pack in PACKS for word in pack.opt_out}
OPT_IN = {word: pack.code for pack in PACKS for word in pack.opt_in}


@dataclass(frozen=True)
class Prepared:
    """A message understood before the conversation's lock was taken (the model may take
    seconds), with the inputs it was read with, so the locked turn can tell it still holds."""

    inbound_id: int
    expecting: Expecting | None
    language_hint: str | None
    result: Understanding


def message_prepare(*, conversation_id: int) -> Prepared | None:
    """Understand the conversation's next waiting message outside any transaction and
    lock, when the engine may ask the model; None when there is nothing to prepare (local
    engine, no message, staff own the chat, opted out, a tap or an empty text). Reads only."""
    engine = understanding_engine()
    if engine.policy == "local" or not engine.api_key:
        return None
    conversation = Conversation.objects.filter(pk=conversation_id).first()
    if conversation is None:
        return None
    inbound = conversation.inbound_messages.filter(processed_at__isnull=True).first()
    if inbound is None or conversation.opted_out or conversation.handler == Conversation.Handler.STAFF:
        return None
    if inbound.button_payload or not inbound.text.strip() or not _heard(inbound):
        return None
    now = timezone.now()
    expecting = booking_expecting_peek(conversation_id=conversation.pk, now=now)
    hint = conversation.language or _patient_language(conversation) or None
    result = understand(
        inbound.text.strip(),
        directory=clinic_directory(clinic_context()),
        now=now,
        language_hint=hint,
        expecting=expecting,
        engine=engine,
    )
    return Prepared(inbound.pk, expecting, hint, result)


def message_handle(
    *, conversation: Conversation, inbound: InboundMessage, prepared: Prepared | None = None
) -> list[Reply]:
    """Decide the replies to one inbound message; runs under the conversation's lock.
    `prepared` is what message_prepare read before the lock."""
    clinic = clinic_context()
    text = inbound.text.strip()
    keyword = re.sub(r"[^\w]", "", fold(text))
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.INCOMING_MESSAGE,
        actor="patient",
        payload={
            "inbound_id": inbound.pk,
            "kind": inbound.kind,
            "chars": len(text),
            "media_types": [item.get("content_type", "") for item in inbound.media],
        }
        | ({"voice": {"status": inbound.voice_status, **inbound.voice}} if inbound.voice_status else {}),
    )

    heard = _heard(inbound)
    if heard and keyword in OPT_OUT and not campaign_tapped(inbound):
        return _opt_out(conversation, clinic, OPT_OUT[keyword])
    if heard and keyword in OPT_IN:
        return _opt_in(conversation, clinic, OPT_IN[keyword])

    emergency = emergency_detect(text, extra_phrases=clinic.emergency_phrases)
    if emergency:
        # The patient's words tell the language, not which pack's rule matched ("suicid" is
        # in the English pack, "quiero suicidarme" is Spanish).
        hint = conversation.language or emergency.language or clinic.default_language
        return _emergency(conversation, clinic, emergency, detect(text, hint=hint))

    if conversation.opted_out:
        return _silent(conversation, "opted_out")
    if conversation.handler == Conversation.Handler.STAFF:
        return _waiting_for_staff(conversation, clinic, text if heard else "")

    language = conversation.language or clinic.default_language
    if _flooding(conversation, inbound):
        if _recently_decided(conversation, "rate_limited", since=inbound.received_at - MINUTE):
            return _silent(conversation, "rate_limited")
        return _decided(conversation, "rate_limited", [_say("rate_limited", language)])
    if not heard:
        # Emergency words were looked for even in a doubtful transcript; nothing else is.
        language = conversation.language or voice_language(inbound) or language
        key = _voice_unheard(inbound)
        minutes = max(1, round(settings.STT_MAX_SECONDS / 60))
        return _decided(conversation, key, [_say(key, language, minutes=minutes)])
    if inbound.kind == InboundMessage.Kind.MEDIA and not text:
        types = [item.get("content_type", "") for item in inbound.media]
        key = "voice_note" if any(t.startswith("audio/") for t in types) else "media_unsupported"
        return _decided(conversation, key, [_say(key, language)])
    if inbound.kind == InboundMessage.Kind.LOCATION and not text:
        return _decided(conversation, "location_unsupported", [_say("location_unsupported", language)])

    if answer := reminder_answer(conversation=conversation, inbound=inbound):
        return _reminder_answered(conversation, clinic, answer, language)
    if campaign := campaign_answer(conversation=conversation, inbound=inbound, now=timezone.now()):
        return _campaign_answered(conversation, clinic, campaign, language)
    if offered := waitlist_answer(conversation=conversation, inbound=inbound):
        return _waitlist_answered(conversation, offered, language)
    return _understood(conversation, inbound, clinic, text, prepared)


def _heard(inbound: InboundMessage) -> bool:
    """Whether the message's text is what the patient said: typed, or a clear transcript."""
    return inbound.voice_status in ("", VoiceStatus.TRANSCRIBED)


# Why a voice note was not acted on, as the copy that tells the patient.
VOICE_UNHEARD = {"type": "voice_type", "size": "voice_too_long", "duration": "voice_too_long"}


def _voice_unheard(inbound: InboundMessage) -> str:
    if inbound.voice_status == VoiceStatus.OFF:
        return "voice_note"
    if inbound.voice_status == VoiceStatus.UNCLEAR:
        return "voice_unclear"
    return VOICE_UNHEARD.get(inbound.voice.get("reason", ""), "voice_failed")


def _waiting_for_staff(conversation: Conversation, clinic: ClinicContext, text: str) -> list[Reply]:
    """A chat handed to staff that nobody has claimed yet: approved answers still go out, and
    the patient is told once that a person will reply (and when the clinic opens, if it is
    closed); anything else, a booking included, waits for that person. Once claimed, silence."""
    waiting = conversation.escalations.filter(status=Escalation.Status.OPEN).first()
    if waiting is None:
        return _silent(conversation, "staff_owns_chat")
    language = (
        detect(text, hint=conversation.language, hint_weight=1.25)
        if conversation.language
        else detect(text, hint=clinic.default_language, hint_weight=DEFAULT_HINT_WEIGHT)
    ) or clinic.default_language
    if text and asks_question(text) and not faq_is_clinical(text) and _faq_knows(text):
        answer = faq_respond(
            text=text,
            language=language,
            conversation_id=conversation.pk,
            clinic_phone=clinic.phone,
            emergency_number=clinic.emergency_number,
        )
        if answer.kind == "answered":
            reply = Reply(answer.text, origin=answer.origin, fallback=answer.verbatim)
            return _decided(conversation, "faq_answered_while_waiting", [reply])
    if _recently_decided(conversation, "waiting_for_staff", since=waiting.created_at):
        return _silent(conversation, "staff_owns_chat")
    opens = clinic_next_opening(now=timezone.now())
    if opens is None:
        notice = _say("handoff_pending", language)
    else:
        notice = _say("handoff_pending_closed", language, opens=when_text(opens, language))
    return _decided(conversation, "waiting_for_staff", [notice])


def _reminder_answered(
    conversation: Conversation, clinic: ClinicContext, answer: tuple[str, int], language: str
) -> list[Reply]:
    """Confirm / Reschedule / Cancel on a reminder: no model is needed for any of them."""
    action, appointment_id = answer
    if action == "confirm":
        return _decided(
            conversation,
            "reminder_confirmed",
            reminder_confirmed_reply(
                conversation=conversation, appointment_id=appointment_id, language=language
            ),
        )
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.REMINDER_ANSWERED,
        payload={"appointment_id": appointment_id, "action": action},
    )
    booked = booking_handle(
        conversation_id=conversation.pk,
        phone=conversation.phone_e164,
        signal=Signal(intent=action),
        language=language,
        start_flow=action,
        target_appointment_id=appointment_id,
    )
    if booked is None:
        return _decided(conversation, "reminder_unhandled", [_say("handoff", language)])
    return _booking_answered(conversation, clinic, booked, language)


def _campaign_answered(
    conversation: Conversation, clinic: ClinicContext, answer: CampaignAnswer, language: str
) -> list[Reply]:
    """ "Later" and "Stop" are the campaign's to answer; "Book" starts the booking conversation
    with the campaign's appointment type and practitioner filled in."""
    replies = campaign_answer_apply(
        answer=answer, language=language, clinic_name=clinic.name, now=timezone.now()
    )
    if answer.answer != "book":
        return _decided(conversation, f"campaign_{answer.send.answer}", replies)
    campaign = answer.send.campaign
    signal = Signal(
        intent="book",
        practitioner_ids=(campaign.practitioner_id,) if campaign.practitioner_id else (),
        type_code=campaign.appointment_type.code if campaign.appointment_type else None,
    )
    booked = booking_handle(
        conversation_id=conversation.pk,
        phone=conversation.phone_e164,
        signal=signal,
        language=language,
        start_flow="book",
    )
    if booked is None:
        return _decided(conversation, "campaign_book_unhandled", [_say("handoff", language)])
    return _booking_answered(conversation, clinic, booked, language)


def _waitlist_answered(conversation: Conversation, answer: tuple[str, int], language: str) -> list[Reply]:
    """Yes / No to a freed slot offered from the waitlist: no model is needed."""
    choice, offer_id = answer
    replies = waitlist_answered(
        conversation=conversation, answer=choice, offer_id=offer_id, language=language
    )
    return _decided(conversation, f"waitlist_{choice}", replies)


LONG_MESSAGE = 600
# Below this, the engine found only a cue of booking (a noun, no verb asking for one).
WEAK_BOOKING = 0.85
BOOKING_FLOWS = {
    Intent.BOOK: "book",
    Intent.AVAILABILITY: "book",
    Intent.RESCHEDULE: "reschedule",
    Intent.CANCEL: "cancel",
}


def _understood(
    conversation: Conversation,
    inbound: InboundMessage,
    clinic: ClinicContext,
    text: str,
    prepared: Prepared | None = None,
) -> list[Reply]:
    """Understand the message once, then let the booking conversation or a handler answer."""
    now = timezone.now()
    if later := campaign_when_typed(conversation=conversation, inbound=inbound, now=now):
        # "El mes que viene" under a campaign's "when should we ask you again?": that was
        # the last question asked, so it answers it even while a booking is open.
        return _campaign_answered(
            conversation, clinic, later, conversation.language or clinic.default_language
        )
    session = booking_session_active(conversation_id=conversation.pk, now=now)
    expecting = booking_expecting(session)
    hint = conversation.language or _patient_language(conversation) or None
    if prepared is not None and (prepared.inbound_id, prepared.expecting, prepared.language_hint) == (
        inbound.pk,
        expecting,
        hint,
    ):
        result = prepared.result
    else:
        # Read again under the lock; with a preparation that went stale (another turn
        # changed the question meanwhile) the model is not asked while the lock is held.
        engine = understanding_engine(policy="local") if prepared is not None else understanding_engine()
        result = understand(
            text or inbound.button_text,
            directory=clinic_directory(clinic),
            now=now,
            language_hint=hint,
            button_payload=inbound.button_payload,
            expecting=expecting,
            engine=engine,
        )
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.INTENT_CLASSIFIED,
        payload=understanding_trace(result),
    )
    if result.language and result.language != conversation.language:
        conversation.language = result.language
        conversation.save(update_fields=["language", "updated_at"])
    language = conversation.language or clinic.default_language
    if result.emergency is not None:
        return _emergency(conversation, clinic, result.emergency, language)

    clinical = bool(text) and faq_is_clinical(text)
    e = result.entities
    asks_to_book = result.intent in (Intent.BOOK, Intent.AVAILABILITY) and result.confidence >= WEAK_BOOKING
    if (
        text
        and not inbound.button_payload
        and _outside_limits(
            text,
            clinical=clinical,
            booking_under_way=session is not None,
            asks_to_book=asks_to_book,
            wish=bool(e.when or e.practitioner_ids or e.specialty or e.appointment_type_code),
        )
    ):
        # Emergency, then the limits, then booking: "my mole has changed colour, is it
        # cancer?" is a clinical question whatever "changed" may suggest; a booking under way
        # stays where it was for the patient to go on.
        return _faq(conversation, text, clinic, language)
    signal = booking_signal(result, text=text, button=inbound.button_payload)
    if (
        session is None
        and signal.yes_no is not None
        and (offer_id := waitlist_open_offer(conversation=conversation))
    ):
        # "Yes please" / "no, thanks" typed under a waitlist offer.
        return _waitlist_answered(conversation, ("yes" if signal.yes_no else "no", offer_id), language)
    if "waitlist_leave" in signal.commands:
        return _decided(
            conversation, "waitlist_leave", waitlist_left(conversation=conversation, language=language)
        )
    flow = BOOKING_FLOWS.get(result.intent)
    beside_question = session is None and flow in (None, "book") and not inbound.button_payload
    if beside_question := beside_question and requests_beside_question(text, result):
        # "Is there a doctor who speaks English? I need to register with a GP": both answered.
        flow, signal = "book", replace(signal, intent="book")
    if session is None and "waitlist" in signal.commands:
        # "Put me on the waitlist for Dra. Ana on Friday": a booking that joins the waitlist.
        flow = "book"
    if (
        session is None
        and not beside_question
        and result.intent == Intent.GIVE_INFO
        and (e.practitioner_ids or e.specialty or e.appointment_type_code)
    ):
        # "Dr. Ana", "el dermatólogo", "retorno" before any question: who or what to book;
        # but a question about them asks, it does not book ("quanto sai o retorno?", "how old
        # is Dr Rafael?"), unless it says when ("Dra. Ana sexta de manhã?").
        if _asks_without_booking(text, e) and "soonest" not in signal.commands:
            return _faq(conversation, text, clinic, language, e)
        flow = "book"
    if (
        session is None
        and not beside_question
        and (
            (
                result.intent == Intent.BOOK
                and (result.confidence < WEAK_BOOKING or (e.when is None and e.period is None))
            )
            or (result.intent == Intent.AVAILABILITY and not (e.when or e.practitioner_ids or e.specialty))
        )
        and "soonest" not in signal.commands  # "lo antes posible" says when: the first free time
        and text
        and asks_question(text)
        and _faq_knows(without_booking_words(text, clinic_directory(clinic)) if e.when or e.period else text)
    ):
        # Only a cue of booking ("la consulta", "primera vez"), or a request with no day or
        # time, in a question the clinic has an approved answer for: "¿qué tengo que llevar
        # el día de la consulta?", "can I see the endocrinologist over video?". Without an
        # answer, the cue books: "¿tenéis hueco para un chequeo con la Dra. Ana?". Asking
        # for times with no day and nobody named is the same: "what hours do you do the
        # blood draw?" is the results entry's. Beside a day or a part of it, the FAQ must know
        # what is asked without who and what to book: "Can I get a physio assessment? early
        # morning" books, whatever the price list says of assessments.
        return _faq(conversation, text, clinic, language, e)
    if session is None and (offered := _directory_offer(conversation, inbound, result)):
        # A tap on a directory answer's "Book Dra. Lucía", or a yes to its offer: a booking
        # with the practitioners it named.
        flow = "book"
        signal = replace(signal, practitioner_ids=offered, specialty=None, yes_no=None, intent="book")
    if session is None and (chosen := _menu_choice(conversation, inbound, result)):
        # A tap (or its number) on the menu offered after a second greeting.
        flow = chosen
        signal = replace(signal, intent=chosen, option=None, option_time=None)
    if session is not None and flow == "book" and session.flow != "book":
        # "Try 3pm instead" while moving an appointment continues the move; only a cancel or
        # a reschedule request switches task.
        flow = None
    booked = booking_handle(
        conversation_id=conversation.pk,
        phone=conversation.phone_e164,
        signal=signal,
        language=language,
        start_flow=flow,
        availability_first=result.intent == Intent.AVAILABILITY,
        now=now,
        session=session,
    )
    if booked is not None:
        replies = _booking_answered(conversation, clinic, booked, language)
        if beside_question:
            replies = _faq_beside(text, language) + replies
        if session is None and flow in ("cancel", "reschedule") and text and asks_question(text):
            # "How do I cancel, will I be charged?": the change goes on, and the question about
            # the clinic's rules gets its approved answer beside it.
            replies += _faq_beside(text, language)
        if asks_to_book and clinical and faq_asks_advice(text):
            # "Book me tomorrow, should I stop my pills before?": the booking goes on and the
            # question is answered with the limit, never left in silence.
            contact = clinic.phone or say("faq_contact_fallback", language)
            replies.append(
                _say(
                    "faq_clinical_beside", language, contact=contact, emergency_number=clinic.emergency_number
                )
            )
        return replies
    return _handler(conversation, result, signal, clinic, language, text, clinical=clinical)


def _outside_limits(
    text: str, *, clinical: bool, booking_under_way: bool, asks_to_book: bool = False, wish: bool = False
) -> bool:
    """A request for medical advice or a billing dispute. Before a booking starts, a health
    worry with no booking request counts too; during one, describing a symptom is an answer
    ("tiene fiebre desde ayer"), asking what to do about it is not. A clear request to book
    makes the complaint the reason for the visit ("need to get a rash looked at", "tengo un
    lunar que me preocupa, quiero turno con el dermatólogo"); with nothing else wished (no
    day, practitioner, specialty or kind) a request for advice beside it is still refused.
    `clinical` is faq_is_clinical(text), which every request for advice also is."""
    if faq_is_billing_dispute(text):
        return True
    if asks_to_book:
        return clinical and not wish and faq_asks_advice(text)
    return clinical and (not booking_under_way or faq_asks_advice(text))


def _booking_answered(
    conversation: Conversation, clinic: ClinicContext, booked: BookingResult, language: str
) -> list[Reply]:
    """The booking conversation's replies in `language`, after handing the chat to staff if
    it asked to."""
    if booked.escalation is not None:
        escalation_open(
            conversation=conversation, reason=booked.escalation.reason, detail=booked.escalation.detail
        )
    return _decided(
        conversation,
        f"booking:{booked.state}",
        [
            Reply(
                _booking_text(r.text, clinic, language),
                [{"id": o.id, "title": render(o.title, language)} for o in r.options],
                origin=Origin.COPY,
            )
            for r in booked.replies
        ],
    )


def _booking_text(text: Say, clinic: ClinicContext, language: str) -> str:
    """A booking reply; a confirmation ends with the clinic's approved answer on what to bring
    and when to arrive (clinic.confirmation_faq), or says nothing of it when none is approved."""
    rendered = render(text, language)
    if text.key != "booked":
        return rendered
    instructions = faq_answer_approved(topic=clinic.confirmation_faq, language=language)
    return f"{rendered}\n\n{instructions}" if instructions else rendered


def _handler(
    conversation: Conversation,
    result,
    signal,
    clinic: ClinicContext,
    language: str,
    text: str,
    *,
    clinical: bool,
) -> list[Reply]:
    intent = result.intent
    if intent == Intent.HUMAN:
        escalation_open(conversation=conversation, reason=Escalation.Reason.ASKED_FOR_PERSON)
        return _decided(conversation, "asked_for_person", [_say("handoff", language)])
    if "refuse" in signal.commands:
        return _decided(conversation, "refused", [_say("refused", language)])
    if len(text) > LONG_MESSAGE and not clinical:
        # A wall of text that asks for nothing bookable: ask for the gist rather than a person.
        return _decided(conversation, "too_long", [_say("too_long", language)])
    if (
        clinical
        or intent == Intent.FAQ
        or (intent in (Intent.UNKNOWN, Intent.GIVE_INFO) and (asks_question(text) or _faq_knows(text)))
        or (
            intent in (Intent.GREETING, Intent.GOODBYE)
            and faq_words(text)
            and (asks_question(text) or _faq_knows(text))
        )
    ):
        # A message the engine could not place may still be a question the FAQ answers ("vcs
        # abrem sabado?", "tem pediatra"), and so may a greeting or thanks with a question in
        # it ("hola, tienen farmacia?"; "hi, how are you?" names nothing), marked or not ("Hi,
        # I have Bradesco through work, is that accepted"); a question nobody approved an
        # answer for gets the clinic's contact and joins the unanswered questions.
        return _faq(conversation, text, clinic, language, result.entities)
    if intent == Intent.GREETING:
        if _last_decided(conversation).get("why") in ("greeting", "greeting_menu"):
            # Greeted again after the welcome: asked differently, with what the bot can do
            # as buttons, never the same welcome a second time.
            return _decided(conversation, "greeting_menu", [_menu(language)])
        return _decided(conversation, "greeting", [_say("greeting", language, clinic=clinic.name)])
    if intent == Intent.GOODBYE:
        return _decided(conversation, "goodbye", [_say("goodbye", language)])
    if intent in BOOKING_FLOWS:
        # No clinic calendar is configured yet (load_clinic has not run): a person books.
        escalation_open(conversation=conversation, reason=Escalation.Reason.UNSUPPORTED, detail="no calendar")
        return _decided(conversation, "no_calendar", [_say("handoff", language)])
    if (
        _recently_decided(conversation, "not_understood", since=timezone.now() - timedelta(minutes=30))
        and _last_decided(conversation).get("why") == "not_understood"
    ):
        escalation_open(
            conversation=conversation,
            reason=Escalation.Reason.NOT_UNDERSTOOD,
            detail="two messages in a row not understood",
        )
        return _decided(conversation, "escalated_not_understood", [_say("handoff", language)])
    key = "too_long" if len(text) > LONG_MESSAGE else "not_understood"
    return _decided(conversation, "not_understood", [_say(key, language)])


def _patient_language(conversation: Conversation) -> str:
    """A first message from a known patient: their record says which language they use."""
    if not conversation.phone_e164:
        return ""
    language = (
        Patient.objects.filter(phone_e164=conversation.phone_e164).values_list("language", flat=True).first()
    )
    return language_code(language) or ""


def _faq_knows(text: str) -> bool:
    kind, _ = faq_classify(text, index=faq_index_get())
    return kind == "answered"


def _asks_without_booking(text: str, entities) -> bool:
    """A question that names who or what with no cue of booking, and no day or time in it or
    one the clinic has an approved answer for: the FAQ's (an answer, or the contact and an
    unanswered question), not a new booking."""
    return bool(text) and asks_question(text) and (entities.when is None or _faq_knows(text))


def _faq_beside(text: str, language: str) -> list[Reply]:
    """The approved answer to a question asked beside a request, or nothing (no contact, no
    unanswered question: the request itself is being answered)."""
    kind, match = faq_classify(text, index=faq_index_get())
    answer = faq_answer_approved(topic=match.doc.topic, language=language) if kind == "answered" else ""
    return [Reply(answer, origin=Origin.APPROVED)] if answer else []


def _faq(
    conversation: Conversation,
    text: str,
    clinic: ClinicContext,
    language: str,
    entities: Entities | None = None,
) -> list[Reply]:
    """Approved answers only; clinical questions and billing disputes go to a person. A
    question about who works here and when is answered from the clinic's directory unless an
    approved answer fits it (the whole team always is: see faq.directory)."""
    directory = clinic_directory(clinic)
    question = directory_question(text, entities, directory) if entities else None
    if question is not None:
        kind, _ = faq_classify(text, index=faq_index_get())
        if kind in ("answered", "unanswered") and question.kind != SPECIALTY:
            # Who works here, and when a named practitioner does, are the directory's to say:
            # the clinic's opening hours are not Dra. Ana's.
            return _directory(conversation, question, directory, language)
        if kind == "unanswered":
            # "quanto custa o pediatra?": the specialty is the setting, the price the question.
            bare = without_directory_words(text, directory)
            if faq_classify(bare, index=faq_index_get())[0] != "answered":
                return _directory(conversation, question, directory, language)
            text = bare
    answer = faq_respond(
        text=text,
        language=language,
        conversation_id=conversation.pk,
        clinic_phone=clinic.phone,
        emergency_number=clinic.emergency_number,
    )
    if answer.kind in ("clinical", "billing"):
        reason = (
            Escalation.Reason.CLINICAL_QUESTION
            if answer.kind == "clinical"
            else Escalation.Reason.UNSUPPORTED
        )
        escalation_open(conversation=conversation, reason=reason, detail=f"{answer.kind} question")
    reply = Reply(answer.text, origin=answer.origin, fallback=answer.verbatim)
    return _decided(conversation, f"faq_{answer.kind}", [reply])


def _directory(
    conversation: Conversation, question: DirectoryQuestion, directory: ClinicDirectory, language: str
) -> list[Reply]:
    text, buttons = directory_answer(question, directory, language)
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.REPLY_DECIDED,
        payload={"replies": 1, "why": "directory", "practitioner_ids": list(question.practitioner_ids)},
    )
    return [Reply(text, buttons, origin=Origin.COPY)]


def _directory_offer(
    conversation: Conversation, inbound: InboundMessage, result: Understanding
) -> tuple[int, ...]:
    """The practitioners a directory answer offered to book with, when this message takes the
    offer (its button, or a yes right after it); else ()."""
    if inbound.button_payload:
        chosen = booking_button(inbound.button_payload)
        return (chosen,) if chosen is not None else ()
    if result.intent != Intent.AFFIRM:
        return ()
    last = _last_decided(conversation)
    return tuple(last.get("practitioner_ids", ())) if last.get("why") == "directory" else ()


MENU_PREFIX = "menu:"
MENU_FLOWS = ("book", "reschedule", "cancel")


def _menu(language: str) -> Reply:
    options = [{"id": f"{MENU_PREFIX}{flow}", "title": say(f"menu_{flow}", language)} for flow in MENU_FLOWS]
    return Reply(say("greeting_menu", language), options, origin=Origin.COPY)


def _menu_choice(conversation: Conversation, inbound: InboundMessage, result: Understanding) -> str:
    """The flow a tap on the greeting menu chose (its button, or its number typed right
    after it), else ""."""
    payload = inbound.button_payload or ""
    if payload.startswith(MENU_PREFIX):
        chosen = payload.removeprefix(MENU_PREFIX)
        return chosen if chosen in MENU_FLOWS else ""
    option = result.entities.option
    if option is None or not 1 <= option <= len(MENU_FLOWS):
        return ""
    return MENU_FLOWS[option - 1] if _last_decided(conversation).get("why") == "greeting_menu" else ""


def _last_decided(conversation: Conversation) -> dict:
    last = (
        TraceEvent.objects.filter(conversation=conversation, type=TraceEvent.Type.REPLY_DECIDED)
        .order_by("-created_at", "-id")
        .values_list("payload", flat=True)
        .first()
    )
    return last or {}


MINUTE = timedelta(minutes=1)


def _flooding(conversation: Conversation, inbound: InboundMessage) -> bool:
    recent = conversation.inbound_messages.filter(
        received_at__gt=inbound.received_at - MINUTE, received_at__lte=inbound.received_at
    ).count()
    return recent > settings.SENDER_MAX_MESSAGES_PER_MINUTE


def _recently_decided(conversation: Conversation, why: str, *, since) -> bool:
    return TraceEvent.objects.filter(
        conversation=conversation, type=TraceEvent.Type.REPLY_DECIDED, payload__why=why, created_at__gte=since
    ).exists()


def _opt_out(conversation: Conversation, clinic: ClinicContext, language: str) -> list[Reply]:
    conversation.opted_out = True
    conversation.language = conversation.language or language
    conversation.save(update_fields=["opted_out", "language", "updated_at"])
    trace_record(conversation_id=conversation.pk, type=TraceEvent.Type.OPT_OUT, actor="patient")
    # WhatsApp allows one confirmation; after it, nothing more until the patient opts in.
    return [_say("opted_out", conversation.language, clinic_name=clinic.name)]


def _opt_in(conversation: Conversation, clinic: ClinicContext, language: str) -> list[Reply]:
    conversation.opted_out = False
    conversation.language = conversation.language or language
    conversation.save(update_fields=["opted_out", "language", "updated_at"])
    trace_record(conversation_id=conversation.pk, type=TraceEvent.Type.OPT_IN, actor="patient")
    return [_say("opted_in", conversation.language, clinic_name=clinic.name)]


def _emergency(
    conversation: Conversation, clinic: ClinicContext, match: EmergencyMatch, language: str
) -> list[Reply]:
    if not conversation.language:
        conversation.language = language
        conversation.save(update_fields=["language", "updated_at"])
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.EMERGENCY_DETECTED,
        payload={
            "rule_id": match.rule_id,
            "category": match.category,
            "rules_version": match.version,
            "language": language,
        },
    )
    escalation_open(conversation=conversation, reason=Escalation.Reason.EMERGENCY, detail=match.category)
    # Emergencies are answered even when the patient opted out: safety comes first.
    return [Reply(_emergency_text(clinic, match.category, language), origin=Origin.COPY)]


def _emergency_text(clinic: ClinicContext, category: str, language: str) -> str:
    """The clinic's numbers in the patient's language: its emergency number always, and for
    thoughts of suicide its country's crisis line (whatever language the patient writes)."""
    if category != "suicidal":
        own = clinic.emergency_copy.get(language)
        return own or say(
            "emergency", language, emergency_number=clinic.emergency_number, clinic_name=clinic.name
        )
    if not clinic.crisis_line:
        return say("emergency_crisis_no_line", language, emergency_number=clinic.emergency_number)
    line = clinic.crisis_line
    if clinic.crisis_line_name:
        line = say("helpline", language, number=line, name=clinic.crisis_line_name)
    return say("emergency_crisis", language, crisis_line=line, emergency_number=clinic.emergency_number)


def _say(key: str, language: str, **values) -> Reply:
    return Reply(say(key, language, **values), origin=Origin.COPY)


def _silent(conversation: Conversation, why: str) -> list[Reply]:
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.REPLY_DECIDED,
        payload={"replies": 0, "why": why},
    )
    return []


def _decided(conversation: Conversation, why: str, replies: list[Reply]) -> list[Reply]:
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.REPLY_DECIDED,
        payload={"replies": len(replies), "why": why},
    )
    return replies
